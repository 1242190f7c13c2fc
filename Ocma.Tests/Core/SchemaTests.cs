using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ocma.Core.Data;

namespace Ocma.Tests.Core;

/// <summary>The hand-written migrations must build exactly the schema the model describes.</summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task Migrations_BuildTheSameSchemaAsTheModel()
    {
        var migrated = await DescribeAsync(db => db.Database.MigrateAsync());
        var modelled = await DescribeAsync(db => db.Database.EnsureCreatedAsync());

        Assert.Equal(modelled, migrated);
    }

    private static async Task<List<string>> DescribeAsync(Func<OcmaDbContext, Task> create)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<OcmaDbContext>().UseSqlite(connection)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;
        await using (var db = new OcmaDbContext(options))
        {
            await create(db);
        }

        var lines = new List<string>();
        foreach (var table in await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock') ORDER BY name"))
        {
            foreach (var column in await ReadAsync(connection, $"SELECT name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk FROM pragma_table_info('{table}') ORDER BY name"))
            {
                lines.Add($"{table}.{column}");
            }

            foreach (var index in await ReadAsync(connection, $"SELECT name || ' unique=' || \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c' ORDER BY name"))
            {
                lines.Add($"{table} index {index}");
            }

            foreach (var key in await ReadAsync(connection, $"SELECT \"table\" || '.' || \"to\" || ' from ' || \"from\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\""))
            {
                lines.Add($"{table} fk {key}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
