using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Tests.Core.Data;

/// <summary>The migrations (hand-written ones and generated ones alike) must build exactly the schema the model describes.</summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task Migrations_BuildTheSameSchemaAsTheModel()
    {
        var migrated = await DescribeAsync(db => db.Database.MigrateAsync());
        var modelled = await DescribeAsync(db => db.Database.EnsureCreatedAsync());

        Assert.Equal(modelled, migrated);
    }

    internal static async Task<List<string>> DescribeAsync(Func<OcmaDbContext, Task> create)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var db = new OcmaDbContext(new DbContextOptionsBuilder<OcmaDbContext>().UseSqlite(connection).Options))
        {
            await create(db);
        }

        return await SchemaDescription.DescribeAsync(connection);
    }
}
