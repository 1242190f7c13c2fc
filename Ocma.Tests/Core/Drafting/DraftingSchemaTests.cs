using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Tests.Core.Drafting;

/// <summary>The hand-written AddDrafting migration builds exactly the tables the model describes.</summary>
public sealed class DraftingSchemaTests
{
    private static readonly string[] Tables = ["BrandVoices", "AiUsages", "AiGenerations"];

    [Fact]
    public async Task Migrate_DraftingTables_SameColumnsIndexesAndKeysAsTheModel()
    {
        var migrated = await SchemaAsync(db => db.Database.MigrateAsync());
        var modelled = await SchemaAsync(db => db.Database.EnsureCreatedAsync());

        Assert.Equal(modelled, migrated);
        Assert.Contains(migrated, line => line.StartsWith("AiUsages column Cost", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_AppliesTheDraftingMigration()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new OcmaDbContext(new DbContextOptionsBuilder<OcmaDbContext>().UseSqlite(connection).Options);

        await db.Database.MigrateAsync();

        Assert.Contains("20261123100000_AddDrafting", await db.Database.GetAppliedMigrationsAsync());
    }

    private static async Task<List<string>> SchemaAsync(Func<OcmaDbContext, Task> create)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var db = new OcmaDbContext(new DbContextOptionsBuilder<OcmaDbContext>().UseSqlite(connection).Options))
        {
            await create(db);
        }

        var lines = new List<string>();
        foreach (var table in Tables)
        {
            lines.AddRange(await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name", r => $"{table} column {r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)}"));
            lines.AddRange(await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') ORDER BY name", r => $"{table} index {r.GetString(0)} unique={r.GetInt64(1)}"));
            lines.AddRange(await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\"", r => $"{table} fk {r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} {r.GetString(3)}"));
        }

        return lines;
    }

    private static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql, Func<SqliteDataReader, string> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
