using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ocma.Core.Storage;

/// <summary>
/// Tells a box that cannot store anything (a full disk, a failing or read-only disk) from every other error, and says so
/// in words an operator can act on. Only these failures pause publishing; a bug or a conflict does not.
/// </summary>
public static class StorageFailures
{
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const string PostgresDiskFull = "53100";
    private const string PostgresOutOfMemory = "53200";

    // errno values (Linux) and Windows error codes a full disk or an exhausted quota is reported with.
    private static readonly HashSet<int> DiskFullCodes = [28, 122, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>Why nothing can be stored, or null when <paramref name="error"/> is not a storage failure.</summary>
    public static string? Describe(Exception error)
    {
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            var reason = cause switch
            {
                SqliteException { SqliteErrorCode: SqliteFull } => "the disk holding the database is full",
                SqliteException { SqliteErrorCode: SqliteIoError } => "the database file cannot be written (the disk reported an input/output error)",
                SqliteException { SqliteErrorCode: SqliteReadOnly } => "the database file has become read-only",
                DbException { SqlState: PostgresDiskFull } => "the database server's disk is full",
                DbException { SqlState: PostgresOutOfMemory } => "the database server is out of memory",
                IOException io when DiskFullCodes.Contains(io.HResult) => "the disk is full",
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }
}
