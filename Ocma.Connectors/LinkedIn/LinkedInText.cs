using System.Text;
using System.Text.RegularExpressions;

namespace Ocma.Connectors.LinkedIn;

/// <summary>
/// LinkedIn's "little text" commentary format: reserved characters are backslash-escaped (or LinkedIn cuts the
/// post short), and #hashtags become hashtag templates so they stay clickable.
/// </summary>
internal static partial class LinkedInText
{
    private const string Reserved = @"|{}@[]()<>#\*_~";

    public static string ToCommentary(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        var position = 0;
        foreach (Match tag in Hashtag().Matches(text))
        {
            Escape(text.AsSpan(position, tag.Index - position), result);
            result.Append(@"{hashtag|\#|");
            Escape(tag.Groups["tag"].ValueSpan, result);
            result.Append('}');
            position = tag.Index + tag.Length;
        }

        Escape(text.AsSpan(position), result);
        return result.ToString();
    }

    private static void Escape(ReadOnlySpan<char> text, StringBuilder into)
    {
        foreach (var c in text)
        {
            if (Reserved.Contains(c, StringComparison.Ordinal))
            {
                into.Append('\\');
            }

            into.Append(c);
        }
    }

    [GeneratedRegex(@"(?<=^|\s)#(?<tag>[\p{L}\p{N}_]+)")]
    private static partial Regex Hashtag();
}
