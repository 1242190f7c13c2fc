using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Data;

namespace Ocma.Tests.Core.Data;

/// <summary>
/// The committed model snapshot equals the model, so the next `dotnet ef migrations add` holds exactly the next change.
/// A model change committed without its generated migration fails here.
/// </summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void Snapshot_EqualsTheModel_NoPendingModelChanges()
    {
        using var db = Context(out var connection);
        using (connection)
        {
            Assert.False(db.Database.HasPendingModelChanges(), "The model differs from Data/Migrations/OcmaDbContextModelSnapshot.cs: add a migration (docs/migrations.md).");
        }
    }

    [Fact]
    public void AddMigration_OnTheUnchangedModel_ScaffoldsAnEmptyMigration()
    {
        using var db = Context(out var connection);
        using (connection)
        {
            var scaffolded = Scaffolder(db).ScaffoldMigration("Probe", "Ocma.Core", "Data.Migrations");

            Assert.Equal("", Body(scaffolded.MigrationCode, "Up"));
            Assert.Equal("", Body(scaffolded.MigrationCode, "Down"));
        }
    }

    /// <summary>The design-time services `dotnet ef` uses, built in-process as EF Core documents for tools.</summary>
    private static IMigrationsScaffolder Scaffolder(OcmaDbContext db)
    {
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(db);
#pragma warning disable EF1001 // the SQLite provider's design-time registration is public but lives in an Internal namespace
        new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
        return services.BuildServiceProvider().GetRequiredService<IMigrationsScaffolder>();
    }

    private static string Body(string code, string method)
    {
        var match = Regex.Match(code, $@"void {method}\(MigrationBuilder migrationBuilder\)\s*\{{(?<body>.*?)\n\s*\}}", RegexOptions.Singleline);
        Assert.True(match.Success, $"No {method} method in the scaffolded migration:\n{code}");
        return match.Groups["body"].Value.Trim();
    }

    private static OcmaDbContext Context(out SqliteConnection connection)
    {
        connection = new SqliteConnection("Data Source=:memory:");
        return new OcmaDbContext(new DbContextOptionsBuilder<OcmaDbContext>().UseSqlite(connection).Options);
    }
}
