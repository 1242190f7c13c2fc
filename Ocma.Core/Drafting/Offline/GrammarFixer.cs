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

    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "etc.", "vs.", "approx.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No."];

    public static string Fix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ProtectedUrls.Around(text.Replace("\r\n", "\n", StringComparison.Ordinal), t =>
        {
            t = RepeatedSpaces().Replace(t, " ");
            t = SpaceBeforePunctuation().Replace(t, "$1");
            t = MissingSpaceAfterPunctuation().Replace(t, "$1 ");
            t = LoneLowercaseI().Replace(t, "I");
            t = SentenceStart().Replace(t, m => AfterAbbreviation(t, m.Index)
                ? m.Value
                : m.Groups[1].Value + m.Groups[2].Value.ToUpperInvariant());
            t = TrailingSpaces().Replace(t, "\n");
            t = ManyBlankLines().Replace(t, "\n\n");
            return t.Trim();
        });
    }

    /// <summary>True when the "." before <paramref name="index"/> ends an abbreviation ("e.g. the"), not a sentence.</summary>
    private static bool AfterAbbreviation(string text, int index)
    {
        var before = text[..(index + 1)];
        return Abbreviations.Any(a => before.EndsWith(a, StringComparison.OrdinalIgnoreCase)
            && (before.Length == a.Length || !char.IsLetter(before[^(a.Length + 1)])));
    }
}
