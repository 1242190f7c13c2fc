using System.Text;
using System.Text.RegularExpressions;

namespace Ocma.Connectors.Bluesky;

/// <summary>A link, mention or hashtag found in the text, with its UTF-8 byte range (Bluesky does not detect them itself).</summary>
internal sealed record BlueskyRichTextSpan(int ByteStart, int ByteEnd, string Kind, string Value);

/// <summary>Finds links, @mentions and #hashtags and measures them in UTF-8 bytes, as Bluesky's facets require.</summary>
internal static partial class BlueskyFacets
{
    public const string Link = "app.bsky.richtext.facet#link";
    public const string Mention = "app.bsky.richtext.facet#mention";
    public const string Tag = "app.bsky.richtext.facet#tag";

    public static IReadOnlyList<BlueskyRichTextSpan> Find(string text)
    {
        var spans = new List<BlueskyRichTextSpan>();
        foreach (Match m in Url().Matches(text))
        {
            var value = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '"', '\'');
            spans.Add(Span(text, m.Index, value.Length, Link, value));
        }

        foreach (Match m in Handle().Matches(text))
        {
            var group = m.Groups["handle"];
            spans.Add(Span(text, group.Index - 1, group.Length + 1, Mention, group.Value));
        }

        foreach (Match m in Hashtag().Matches(text))
        {
            var tag = m.Groups["tag"].Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '"', '\'');
            if (tag.Length is > 0 and <= 64 && !tag.All(char.IsDigit))
            {
                spans.Add(Span(text, m.Groups["tag"].Index - 1, tag.Length + 1, Tag, tag));
            }
        }

        return [.. spans.OrderBy(s => s.ByteStart)];
    }

    private static BlueskyRichTextSpan Span(string text, int charIndex, int charLength, string kind, string value)
    {
        var start = Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex));
        var length = Encoding.UTF8.GetByteCount(text.AsSpan(charIndex, charLength));
        return new BlueskyRichTextSpan(start, start + length, kind, value);
    }

    [GeneratedRegex(@"https?://[^\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<=^|[\s(])@(?<handle>[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+)")]
    private static partial Regex Handle();

    [GeneratedRegex(@"(?<=^|\s)#(?<tag>[^\s#]+)")]
    private static partial Regex Hashtag();
}
