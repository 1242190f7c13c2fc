using System.Text.RegularExpressions;

namespace Ocma.Core.Drafting.Offline;

/// <summary>Whole-word phrase replacement that keeps a capital first letter capital.</summary>
internal static class Phrases
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <param name="text">The text to change.</param>
    /// <param name="pairs">Phrases and their replacements, applied in order.</param>
    /// <param name="beforeAWord">Only replace where another word follows: "we are here" becomes "we're here", but "that is who we are." stays.</param>
    public static string Replace(string text, IEnumerable<(string From, string To)> pairs, bool beforeAWord = false)
    {
        foreach (var (from, to) in pairs)
        {
            // A phrase ending in a space ("really ") only matches before another word; otherwise the phrase must end a word.
            var end = from.EndsWith(' ') ? "" : beforeAWord ? @"(?=[ \t]+[\p{L}\p{N}])" : @"(?![\p{L}'’])";
            var pattern = $@"(?<![\p{{L}}'’]){Regex.Escape(from).Replace("'", "['’]", StringComparison.Ordinal).Replace(@"\ ", " ", StringComparison.Ordinal)}{end}";
            text = Regex.Replace(text, pattern, m => MatchCase(m.Value, to), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }

        return text;
    }

    private static string MatchCase(string original, string replacement) =>
        replacement.Length > 0 && original.Length > 0 && char.IsUpper(original[0])
            ? char.ToUpperInvariant(replacement[0]) + replacement[1..]
            : replacement;
}
