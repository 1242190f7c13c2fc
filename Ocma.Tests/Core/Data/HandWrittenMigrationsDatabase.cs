using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Data;

/// <summary>
/// A copy of the installation in <c>Fixtures/Database</c>: made by the app as it stood on 2026-12-04, whose schema came from
/// the hand-written migrations only (see the README there). Each call unpacks a fresh data directory.
/// </summary>
internal static class HandWrittenMigrationsDatabase
{
    public const string AdminEmail = "admin@example.com";
    public const string Password = "Correct-Horse-9";

    /// <summary>A new data directory holding the fixture's <c>ocma.db</c> and Data Protection key ring.</summary>
    public static string Unpack()
    {
        var source = Path.Combine(RepositoryPaths.Root(), "Ocma.Tests", "Fixtures", "Database");
        var directory = OcmaAppFactory.NewDataDirectory();
        Directory.CreateDirectory(Path.Combine(directory, "keys"));
        using (var packed = new GZipStream(File.OpenRead(Path.Combine(source, "ocma-hand-written-migrations.db.gz")), CompressionMode.Decompress))
        using (var database = File.Create(Path.Combine(directory, "ocma.db")))
        {
            packed.CopyTo(database);
        }

        foreach (var key in Directory.GetFiles(Path.Combine(source, "keys")))
        {
            File.Copy(key, Path.Combine(directory, "keys", Path.GetFileName(key)));
        }

        return directory;
    }

    public static SqliteConnection Open(string dataDirectory) =>
        new($"Data Source={Path.Combine(dataDirectory, "ocma.db")};Pooling=False");
}
