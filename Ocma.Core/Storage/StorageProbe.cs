using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;

namespace Ocma.Core.Storage;

/// <summary>Checks the disk under the data folder for free space and, on request, that a file and a database row can really be written.</summary>
public sealed class StorageProbe(IDbContextFactory<OcmaDbContext> dbFactory, IOptions<StorageOptions> options, TimeProvider time)
{
    private const long Megabyte = 1024 * 1024;
    private static readonly byte[] TestBytes = new byte[64 * 1024];

    /// <summary>Bytes free for Ocma on the disk holding the data folder; null when the system cannot say.</summary>
    public long? FreeBytes()
    {
        try
        {
            return new DriveInfo(options.Value.FullDataDirectory).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Why Ocma cannot store things now, or null when it can. <paramref name="writeTest"/> also writes a file and a row.</summary>
    public async Task<string?> FindProblemAsync(bool writeTest, CancellationToken cancellationToken)
    {
        var folder = options.Value.FullDataDirectory;
        var minimum = options.Value.MinimumFreeMegabytes;
        if (FreeBytes() is long free && free < minimum * Megabyte)
        {
            return $"only {free / Megabyte} MB are free on the disk holding the data folder {folder} (Ocma stops below {minimum} MB, Storage:MinimumFreeMegabytes); free space there";
        }

        if (!writeTest)
        {
            return null;
        }

        try
        {
            var testFile = Path.Combine(folder, ".write-check");
            await File.WriteAllBytesAsync(testFile, TestBytes, cancellationToken);
            File.Delete(testFile);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            await db.StorageChecks.Where(c => c.Id == StorageCheck.RowId).ExecuteUpdateAsync(s => s.SetProperty(c => c.WrittenUtc, now), cancellationToken);
            return null;
        }
        catch (Exception e) when (StorageFailures.Describe(e) is string reason)
        {
            return reason;
        }
    }
}
