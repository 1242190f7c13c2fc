using Microsoft.Data.Sqlite;

namespace Ocma.Tests.Core.Data;

/// <summary>Ocma's tables in a SQLite database as sorted lines: columns (type, null, key), indexes and foreign keys.</summary>
internal static class SchemaDescription
{
    /// <summary>EF's bookkeeping and Quartz's tables are left out: they are not part of Ocma's model.</summary>
    public static async Task<List<string>> DescribeAsync(SqliteConnection connection)
    {
        var lines = new List<string>();
        foreach (var table in await TableDump.ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'QRTZ_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY name"))
        {
            foreach (var column in await TableDump.ColumnAsync(connection, $"SELECT name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk FROM pragma_table_info('{table}') ORDER BY name"))
            {
                lines.Add($"{table}.{column}");
            }

            foreach (var index in await TableDump.ColumnAsync(connection, $"SELECT name || ' unique=' || \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c' ORDER BY name"))
            {
                lines.Add($"{table} index {index}");
            }

            foreach (var key in await TableDump.ColumnAsync(connection, $"SELECT \"table\" || '.' || \"to\" || ' from ' || \"from\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\""))
            {
                lines.Add($"{table} fk {key}");
            }
        }

        return lines;
    }
}
