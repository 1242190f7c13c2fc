using System.Text.RegularExpressions;

namespace Ocma.Core.Drafting;

/// <summary>Checks text against a brand's voice rules and says, in words, what to change.</summary>
public static class VoiceCheck
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    public static IReadOnlyList<string> Check(string text, BrandVoice voice)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        var problems = new List<string>();
        foreach (var term in voice.WordsToAvoid.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()))
        {
            if (ContainsWholeWord(text, term))
            {
                problems.Add($"Remove \"{term}\": the brand avoids it.");
            }
        }

        foreach (var disclosure in voice.RequiredDisclosures.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()))
        {
            if (!text.Contains(disclosure, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Add \"{disclosure}\": the brand requires it in every post.");
            }
        }

        return problems;
    }

    /// <summary>True when <paramref name="term"/> appears as a whole word or phrase, ignoring case.</summary>
    public static bool ContainsWholeWord(string text, string term)
    {
        // Letters, digits and underscore on either side make it part of a longer word ("guaranteed" is not "guarantee").
        var pattern = $@"(?<![\p{{L}}\p{{N}}_]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}_])";
        return Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
    }
}
