using System.Text.RegularExpressions;

namespace Ocma.Core.Drafting.Offline;

/// <summary>Fixes simple spacing and capitalisation. Never touches words' spelling or links.</summary>
public static partial class GrammarFixer
{
    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex RepeatedSpaces();

    [GeneratedRegex(@"[ \t]+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"([,;!?])(?=\p{L})")]
    private static partial Regex MissingSpaceAfterPunctuation();

    [GeneratedRegex(@"(^|[.!?]\s+|\n\s*)(\p{Ll})")]
    private static partial Regex SentenceStart();

    [GeneratedRegex(@"(?<![\p{L}'])i(?=('m|'ve|'d|'ll)?(?![\p{L}]))")]
    private static partial Regex LoneLowercaseI();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();

    [GeneratedRegex(@"[ \t]+\n")]
    private static partial Regex TrailingSpaces();

    public static string Fix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ProtectedUrls.Around(text.Replace("\r\n", "\n", StringComparison.Ordinal), t =>
        {
            t = RepeatedSpaces().Replace(t, " ");
            t = SpaceBeforePunctuation().Replace(t, "$1");
            t = MissingSpaceAfterPunctuation().Replace(t, "$1 ");
            t = LoneLowercaseI().Replace(t, "I");
            t = SentenceStart().Replace(t, m => m.Groups[1].Value + m.Groups[2].Value.ToUpperInvariant());
            t = TrailingSpaces().Replace(t, "\n");
            t = ManyBlankLines().Replace(t, "\n\n");
            return t.Trim();
        });
    }
}
