using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ocma.Core.Data;

/// <summary>Brings the database up to date at start-up: data folder, WAL mode, migrations, the default brand.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<OcmaDbContext> dbFactory,
    IOptions<StorageOptions> storage,
    Brands.BrandService brands,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(storage.Value.FullDataDirectory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the console read while the publisher writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations: {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await brands.EnsureDefaultAsync(cancellationToken);
    }
}
