using System.Text;

namespace Ocma.Core.Bulk;

/// <summary>Writes RFC 5545 content lines: escaped text, CRLF endings, folded at 75 octets on character boundaries.</summary>
public sealed class ICalendarWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _text = new();

    /// <summary>Adds a property whose value is already in iCalendar form (dates, identifiers).</summary>
    public ICalendarWriter Line(string name, string value)
    {
        Fold($"{name}:{value}");
        return this;
    }

    /// <summary>Adds a TEXT property, escaping backslash, semicolon, comma and newlines.</summary>
    public ICalendarWriter Text(string name, string value) => Line(name, Escape(value));

    public override string ToString() => _text.ToString();

    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    public static string FormatUtc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private void Fold(string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                // A continuation line starts with one space, which counts towards its 75 octets.
                _text.Append("\r\n ");
                octets = 1;
            }

            _text.Append(rune.ToString());
            octets += size;
        }

        _text.Append("\r\n");
    }
}
