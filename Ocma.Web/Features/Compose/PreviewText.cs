using System.Text.RegularExpressions;
using Ocma.Core.Connectors;

namespace Ocma.Web.Features.Compose;

/// <summary>What a piece of post text is, for highlighting in the per-channel preview.</summary>
public enum PreviewKind
{
    Text,
    Link,
    Hashtag,
    Mention,
}

/// <summary>One run of the preview: plain text, a link, a #hashtag or an @mention.</summary>
public sealed record PreviewSegment(string Text, PreviewKind Kind);

/// <summary>Splits post text into what platforms turn into links, hashtags and mentions, and finds where a platform's limit falls.</summary>
public static partial class PreviewText
{
    [GeneratedRegex(@"(?<link>https?://[^\s]+)|(?<=^|[\s(])(?<tag>#[\p{L}\p{N}_]+)|(?<=^|[\s(])(?<mention>@[\p{L}\p{N}_.]+(?:@[\p{L}\p{N}_.-]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    public static IReadOnlyList<PreviewSegment> Segments(string text)
    {
        var segments = new List<PreviewSegment>();
        var position = 0;
        foreach (Match match in Tokens().Matches(text))
        {
            if (match.Index > position)
            {
                segments.Add(new PreviewSegment(text[position..match.Index], PreviewKind.Text));
            }

            var kind = match.Groups["link"].Success ? PreviewKind.Link : match.Groups["tag"].Success ? PreviewKind.Hashtag : PreviewKind.Mention;
            segments.Add(new PreviewSegment(match.Value, kind));
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            segments.Add(new PreviewSegment(text[position..], PreviewKind.Text));
        }

        return segments;
    }

    /// <summary>
    /// Where the text stops fitting the platform's limit, counted the platform's way (a UTF-16 index on a character
    /// boundary), or null when it all fits.
    /// </summary>
    public static int? CutIndex(string text, ContentLimits limits)
    {
        if (TextCounter.Count(text, limits) <= limits.MaxTextLength)
        {
            return null;
        }

        var boundaries = Graphemes.Starts(text);
        int low = 0, high = boundaries.Count - 1;
        while (low < high)
        {
            // The longest prefix (in whole characters) that still fits.
            var middle = (low + high + 1) / 2;
            if (TextCounter.Count(text[..boundaries[middle]], limits) <= limits.MaxTextLength)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return boundaries[low];
    }
}
