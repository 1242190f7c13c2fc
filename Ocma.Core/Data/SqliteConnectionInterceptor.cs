using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ocma.Core.Data;

/// <summary>Per-connection SQLite settings: foreign keys on, NORMAL sync (safe with WAL), a busy timeout for concurrent writers.</summary>
internal sealed class SqliteConnectionInterceptor(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={busyTimeoutSeconds * 1000};";
        command.ExecuteNonQuery();
    }
}
