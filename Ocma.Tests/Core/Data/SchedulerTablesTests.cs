using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ocma.Core.Data;
using Ocma.Core.Jobs;

namespace Ocma.Tests.Core.Data;

/// <summary>Quartz's tables are made by Ocma's migrations, not by the scheduler at start-up.</summary>
public sealed class SchedulerTablesTests
{
    [Fact]
    public async Task Migrate_CreatesEveryTableTheSchedulerNeeds_AndUndoingTheMigrationRemovesThem()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new OcmaDbContext(new DbContextOptionsBuilder<OcmaDbContext>().UseSqlite(connection).Options);

        await db.Database.MigrateAsync();
        var expected = SchedulerSchema.Tables(SchedulerSchema.CreateStatements(db.Database.ProviderName));
        Assert.Contains("QRTZ_TRIGGERS", expected);
        Assert.Contains("QRTZ_LOCKS", expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), await QuartzTablesAsync(connection));

        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_AddSchedulerTables", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before);
        Assert.Empty(await QuartzTablesAsync(connection));
    }

    [Fact]
    public void CreateStatements_ForADatabaseOcmaDoesNotSupport_SaysWhichAreSupported()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SchedulerSchema.CreateStatements("Pomelo.EntityFrameworkCore.MySql"));

        Assert.Contains("Microsoft.EntityFrameworkCore.Sqlite", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> QuartzTablesAsync(SqliteConnection connection) =>
        await TableDump.ColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ_%' ORDER BY name");
}
