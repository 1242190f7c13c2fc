using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ocma.Core.Data;

/// <summary>
/// How <c>dotnet ef</c> builds the context when it generates a migration (see docs/migrations.md): the same SQLite
/// provider as the app, on the default database file under <c>./data</c>. Adding a migration never opens it.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OcmaDbContext>
{
    public OcmaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OcmaDbContext>().UseSqlite(new StorageOptions().ResolveConnectionString()).Options);
}
