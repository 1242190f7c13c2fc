namespace Ocma.Core.Drafting.Offline;

/// <summary>Makes text fit a limit by whole sentences, then whole words — never cutting a word or a link — and splits long text into a numbered thread.</summary>
public static class TextFitter
{
    public const string Ellipsis = "…";

    /// <summary>
    /// The text unchanged when it fits; otherwise as many whole sentences as fit (or, when not even the first does, as many whole words
    /// followed by "…"). Phrases in <paramref name="keep"/> (required disclosures) are moved to the end and always kept.
    /// </summary>
    public static string Fit(string text, int maxLength, Func<string, int>? count = null, IReadOnlyList<string>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        count ??= Counting.Graphemes;
        if (count(text) <= maxLength)
        {
            return text;
        }

        var body = text;
        var kept = new List<string>();
        foreach (var phrase in (keep ?? []).Where(p => !string.IsNullOrWhiteSpace(p) && text.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            var at = body.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                body = body.Remove(at, phrase.Length);
            }

            kept.Add(phrase);
        }

        body = Sentences.CollapseSpaces(body);
        var suffix = kept.Count == 0 ? "" : " " + string.Join(" ", kept);
        string With(string candidate) => (candidate + suffix).Trim();

        var sentences = Sentences.Split(body);
        var best = "";
        for (var n = 1; n <= sentences.Count; n++)
        {
            var candidate = Sentences.Join(sentences.Take(n));
            if (count(With(candidate)) > maxLength)
            {
                break;
            }

            best = candidate;
        }

        if (best.Length == 0 && sentences.Count > 0)
        {
            best = FitWords(sentences[0].Text, maxLength - count(Ellipsis + suffix), count);
            best = best.Length == 0 ? "" : best + Ellipsis;
        }

        return With(best);
    }

    /// <summary>
    /// One post when the text fits; otherwise posts of whole sentences (long sentences by whole words), each ending " i/n".
    /// </summary>
    public static IReadOnlyList<string> SplitThread(string text, int maxLength, Func<string, int>? count = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        count ??= Counting.Graphemes;
        if (count(text) <= maxLength)
        {
            return [text.Trim()];
        }

        var parts = Pack(text, maxLength - count(" 9/9"), count);
        if (parts.Count > 9)
        {
            parts = Pack(text, maxLength - count($" {parts.Count * 2}/{parts.Count * 2}"), count);
        }

        return parts.Select((p, i) => $"{p} {i + 1}/{parts.Count}").ToList();
    }

    private static List<string> Pack(string text, int limit, Func<string, int> count)
    {
        var units = new List<string>();
        foreach (var (sentence, _) in Sentences.Split(text))
        {
            units.AddRange(count(sentence) <= limit ? [sentence] : WordGroups(sentence, limit, count));
        }

        var posts = new List<string>();
        var current = "";
        foreach (var unit in units)
        {
            var candidate = current.Length == 0 ? unit : current + " " + unit;
            if (current.Length > 0 && count(candidate) > limit)
            {
                posts.Add(current);
                current = unit;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            posts.Add(current);
        }

        return posts;
    }

    private static IEnumerable<string> WordGroups(string sentence, int limit, Func<string, int> count)
    {
        var current = "";
        foreach (var word in Sentences.Words(sentence))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && count(candidate) > limit)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            yield return current;
        }
    }

    private static string FitWords(string sentence, int limit, Func<string, int> count)
    {
        var result = "";
        foreach (var word in Sentences.Words(sentence))
        {
            var candidate = result.Length == 0 ? word : result + " " + word;
            if (count(candidate) > limit)
            {
                break;
            }

            result = candidate;
        }

        return result.TrimEnd(',', ';', ':', '-', '–');
    }
}
