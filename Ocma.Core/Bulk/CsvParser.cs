using System.Text;

namespace Ocma.Core.Bulk;

/// <summary>One CSV record and the line of the file it starts on (1-based, the header is line 1).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 reader: comma-separated fields, quoted fields may hold commas, newlines and doubled quotes;
/// CRLF and LF both end a record; a leading byte-order mark is dropped; blank lines are skipped.
/// </summary>
public static class CsvParser
{
    public static Result<IReadOnlyList<CsvRecord>> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var wasQuoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case '"':
                    return Result.Fail<IReadOnlyList<CsvRecord>>($"Line {line}: a quote appears inside a field that does not start with one. Put the whole field in quotes and double the quote (\"\").");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        return Result.Fail<IReadOnlyList<CsvRecord>>($"Line {line}: text follows a closing quote. Put the whole field in quotes.");
                    }

                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            return Result.Fail<IReadOnlyList<CsvRecord>>($"Line {recordLine}: a quoted field is never closed. Add the closing quote.");
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            var blank = fields.Count == 1 && fields[0].Length == 0 && !wasQuoted;
            if (!blank)
            {
                records.Add(new CsvRecord(recordLine, fields.ToList()));
            }

            fields.Clear();
            wasQuoted = false;
        }
    }
}
