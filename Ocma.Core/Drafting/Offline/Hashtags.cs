using System.Globalization;
using System.Text.RegularExpressions;

namespace Ocma.Core.Drafting.Offline;

/// <summary>Suggests hashtags (the brand's own first, those the text talks about ranked higher) and appends them within a limit.</summary>
public static partial class Hashtags
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "after", "again", "their", "there", "these", "those", "which", "while", "would", "could", "should", "where", "every",
        "other", "today", "tomorrow", "being", "because", "before", "through", "your", "with", "from", "this", "that", "have", "will",
        "what", "when", "more", "than", "into", "just", "also", "some", "very", "really", "please", "thanks",
    };

    [GeneratedRegex(@"#[\p{L}\p{N}_]+")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}]{4,}")]
    private static partial Regex KeywordPattern();

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})")]
    private static partial Regex CamelBoundary();

    /// <summary>"#Tag" form, or null when nothing usable is left.</summary>
    public static string? Normalize(string tag)
    {
        var body = new string(tag.Trim().TrimStart('#').Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
        return body.Length == 0 ? null : "#" + body;
    }

    public static IReadOnlyList<string> Suggest(string text, BrandVoice voice, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        var present = TagPattern().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var brand = voice.Hashtags.Select(Normalize).OfType<string>()
            .Where(t => !present.Contains(t))
            .Select((t, i) => (Tag: t, Rank: (Mentions(text, t) ? 0 : 1000) + i));
        var keywords = Keywords(ProtectedUrls.Around(text, t => TagPattern().Replace(t, " ")))
            .Select((w, i) => (Tag: "#" + CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant()), Rank: 2000 + i));
        return brand.Concat(keywords)
            .Where(t => !present.Contains(t.Tag))
            .DistinctBy(t => t.Tag, StringComparer.OrdinalIgnoreCase)
            .OrderBy(t => t.Rank)
            .Take(max)
            .Select(t => t.Tag)
            .ToList();
    }

    /// <summary>Appends the tags on a new line, each only while the whole still fits <paramref name="maxLength"/>.</summary>
    public static string Append(string text, IEnumerable<string> tags, int maxLength, Func<string, int>? count = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        count ??= Counting.Graphemes;
        var present = TagPattern().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var line = "";
        foreach (var tag in tags.Select(Normalize).OfType<string>().Where(t => present.Add(t)))
        {
            var candidate = line.Length == 0 ? tag : line + " " + tag;
            if (count(text.TrimEnd() + "\n\n" + candidate) <= maxLength)
            {
                line = candidate;
            }
        }

        return line.Length == 0 ? text : text.TrimEnd() + "\n\n" + line;
    }

    /// <summary>Longer words first, names (capitalised mid-sentence) before everything else; stop words and links left out.</summary>
    private static IEnumerable<string> Keywords(string text)
    {
        var words = new List<(string Word, bool IsName)>();
        var sentenceStart = true;
        foreach (var token in text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = KeywordPattern().Match(token);
            if (word.Success && !StopWords.Contains(word.Value) && !token.Contains('\u0001', StringComparison.Ordinal))
            {
                words.Add((word.Value, !sentenceStart && char.IsUpper(word.Value[0])));
            }

            sentenceStart = token.EndsWith('.') || token.EndsWith('!') || token.EndsWith('?');
        }

        return words.DistinctBy(w => w.Word, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(w => w.IsName).ThenByDescending(w => w.Word.Length).Select(w => w.Word);
    }

    /// <summary>True when the text mentions the tag's words, e.g. "#SpringSale" and "our spring sale".</summary>
    private static bool Mentions(string text, string tag)
    {
        var words = CamelBoundary().Split(tag.TrimStart('#'));
        return words.All(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
