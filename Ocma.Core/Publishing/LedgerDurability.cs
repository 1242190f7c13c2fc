using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;

namespace Ocma.Core.Publishing;

/// <summary>
/// Makes the record that a send is leaving survive a power cut (ADR 0014). Ocma runs SQLite in WAL mode with
/// synchronous=NORMAL: a commit survives a killed process but not a power cut before the next checkpoint. The
/// in-flight attempt row is therefore committed with synchronous=FULL (the WAL is synced before the send starts).
/// </summary>
public sealed class LedgerDurability(IOptions<PublishingOptions> options)
{
    public async Task<DurableTransaction> BeginAsync(OcmaDbContext db, CancellationToken cancellationToken)
    {
        var full = options.Value.DurableLedger && db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (full)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", cancellationToken);
        }

        return new DurableTransaction(db, await db.Database.BeginTransactionAsync(cancellationToken), full);
    }
}

/// <summary>A transaction committed with a full sync; the connection goes back to NORMAL when it is disposed.</summary>
public sealed class DurableTransaction(OcmaDbContext db, IDbContextTransaction transaction, bool full) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        if (full)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;");
        }

        await db.Database.CloseConnectionAsync();
    }
}
