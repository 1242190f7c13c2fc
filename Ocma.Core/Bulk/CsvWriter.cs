using System.Text;

namespace Ocma.Core.Bulk;

/// <summary>Writes RFC 4180 rows with CRLF endings, guarding cells a spreadsheet would run as a formula.</summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    public CsvWriter Row(params IEnumerable<string?> cells)
    {
        _text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>The file's bytes: UTF-8 with a byte-order mark, so spreadsheet apps read accents correctly.</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (IsFormula(text))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    /// <summary>
    /// Whether a spreadsheet app could run the cell as a formula (ADR 0021). A leading <c>=</c>, <c>+</c>, <c>-</c>, tab or CR
    /// always counts. A leading <c>@</c> counts only with a function call or a DDE link in the cell (<c>(</c> or <c>|</c>):
    /// without them Excel can at most read a name or a cell of the same sheet, and LibreOffice and Google Sheets do not start
    /// a formula with <c>@</c> at all, so handles and mentions (<c>@team · sandbox</c>) stay as they are.
    /// </summary>
    public static bool IsFormula(string text) => text.Length > 0 && text[0] switch
    {
        '=' or '+' or '-' or '\t' or '\r' => true,
        '@' => text.IndexOfAny(['(', '|']) >= 0,
        _ => false,
    };
}
