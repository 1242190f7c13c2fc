using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocma.Tests.Support;

/// <summary>
/// A full disk on demand: while <see cref="Full"/> is on, every database write fails the way SQLite reports a full disk
/// (SQLITE_FULL, error 13) and reads still answer, as on a real full disk where the pages are already cached.
/// </summary>
public sealed class DiskFullSwitch : DbCommandInterceptor
{
    public volatile bool Full;

    public int RefusedWrites;

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Refuse(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refuse(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Refuse(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Refuse(command);
        return ValueTask.FromResult(result);
    }

    private void Refuse(DbCommand command)
    {
        var text = command.CommandText.TrimStart();
        if (Full && !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref RefusedWrites);
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        }
    }
}
