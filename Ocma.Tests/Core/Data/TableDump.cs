using Microsoft.Data.Sqlite;

namespace Ocma.Tests.Core.Data;

/// <summary>Every row of every table in a SQLite file, as text, so two states of one database can be compared row by row.</summary>
internal static class TableDump
{
    /// <summary>Table name → its column names and its rows (each row one "column=value" per column, rows sorted).</summary>
    public static async Task<Dictionary<string, (List<string> Columns, List<List<string>> Rows)>> ReadAsync(SqliteConnection connection)
    {
        var dump = new Dictionary<string, (List<string>, List<List<string>>)>();
        foreach (var table in await ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<List<string>>();
            while (await reader.ReadAsync())
            {
                rows.Add(columns.Select((name, i) => $"{name}={Format(reader.GetValue(i))}").ToList());
            }

            dump[table] = (columns, rows.OrderBy(r => string.Join('|', r), StringComparer.Ordinal).ToList());
        }

        return dump;
    }

    /// <summary>The rows of a table limited to the given columns, in a stable order.</summary>
    public static List<string> Project(List<List<string>> rows, IReadOnlyCollection<string> columns) =>
        rows.Select(r => string.Join(" | ", r.Where(cell => columns.Contains(cell[..cell.IndexOf('=', StringComparison.Ordinal)]))))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Format(reader.GetValue(0)));
        }

        return values;
    }

    private static string Format(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
