using System.Text;

namespace Ocma.Core.Bulk;

/// <summary>
/// Re-folds iCalendar text on character boundaries. Ical.Net 5.2.4 folds content lines by UTF-16 unit and can cut an
/// emoji in two at a fold; written out as UTF-8, both halves become U+FFFD. Ocma unfolds its output and folds it again,
/// each line at most 75 octets, never splitting a character (RFC 5545 §3.1).
/// </summary>
public static class IcsFolding
{
    private const int MaxOctets = 75;

    public static string Refold(string ics)
    {
        var result = new StringBuilder(ics.Length + 64);
        foreach (var line in ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n"))
        {
            if (line.Length > 0)
            {
                Fold(result, line);
            }
        }

        return result.ToString();
    }

    private static void Fold(StringBuilder result, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                // A continuation line starts with one space, which counts towards its 75 octets.
                result.Append("\r\n ");
                octets = 1;
            }

            result.Append(rune.ToString());
            octets += size;
        }

        result.Append("\r\n");
    }
}
