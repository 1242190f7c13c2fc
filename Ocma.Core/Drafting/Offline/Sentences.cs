using System.Text.RegularExpressions;

namespace Ocma.Core.Drafting.Offline;

/// <summary>Splits text into sentences (keeping the whitespace after each) and into words, never inside a link.</summary>
internal static partial class Sentences
{
    [GeneratedRegex(@"(?<=[.!?…])(\s+)|(\n+)")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Each sentence with the whitespace that followed it.</summary>
    public static List<(string Text, string Gap)> Split(string text)
    {
        var urls = new ProtectedUrls();
        var parts = Boundary().Split(urls.Protect(text.Trim()));
        var result = new List<(string, string)>();
        for (var i = 0; i < parts.Length; i += 2)
        {
            var gap = i + 1 < parts.Length ? parts[i + 1] : "";
            if (parts[i].Length > 0)
            {
                result.Add((urls.Restore(parts[i]), gap));
            }
            else if (result.Count > 0)
            {
                result[^1] = (result[^1].Item1, result[^1].Item2 + gap);
            }
        }

        return result;
    }

    public static string Join(IEnumerable<(string Text, string Gap)> sentences) =>
        string.Concat(sentences.Select(s => s.Text + s.Gap)).Trim();

    /// <summary>Whitespace-separated words; a link is one word.</summary>
    public static string[] Words(string text) => Whitespace().Split(text.Trim()).Where(w => w.Length > 0).ToArray();

    public static string CollapseSpaces(string text) => Regex.Replace(text, @"[ \t]{2,}", " ").Trim();
}
