using System.Text.RegularExpressions;

namespace Ocma.Core.Connectors;

/// <summary>Counts text the way platforms count it.</summary>
public static partial class TextCounter
{
    [GeneratedRegex(@"https?://[^\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    /// <summary>Characters as a person sees them (an emoji with modifiers counts once, an Indic conjunct once): see <see cref="Connectors.Graphemes"/>.</summary>
    public static int Graphemes(string text) => Connectors.Graphemes.Count(text);

    /// <summary>Graphemes, with every http(s) URL counted as <paramref name="urlLength"/>.</summary>
    public static int GraphemesWithFixedUrls(string text, int urlLength)
    {
        var urls = UrlPattern().Matches(text);
        var withoutUrls = UrlPattern().Replace(text, string.Empty);
        return Graphemes(withoutUrls) + (urls.Count * urlLength);
    }

    public static int Count(string text, ContentLimits limits) => limits.Counting switch
    {
        TextCounting.Graphemes => Graphemes(text),
        TextCounting.GraphemesWithFixedUrls => GraphemesWithFixedUrls(text, limits.UrlLength),
        TextCounting.Utf16 => text.Length,
        TextCounting.Weighted => WeightedTextCounter.Count(text, limits.UrlLength),
        _ => throw new ArgumentOutOfRangeException(nameof(limits), limits.Counting, "Unknown counting rule."),
    };

    internal static MatchCollection Urls(string text) => UrlPattern().Matches(text);
}
