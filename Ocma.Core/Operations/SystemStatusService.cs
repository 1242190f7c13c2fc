using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Quartz;

namespace Ocma.Core.Operations;

/// <summary>Admin → System: scheduler, dispatch queue, database size and process facts, read live.</summary>
public sealed class SystemStatusService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    ISchedulerFactory schedulerFactory,
    DispatchTrigger dispatchTrigger,
    PublishQueue queue,
    IOptions<StorageOptions> storage,
    Storage.StorageProbe storageProbe,
    Storage.StorageStatus storageStatus,
    TimeProvider time)
{
    public async Task<SystemStatus> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var schedulerStatus = await scheduler.GetStatus(cancellationToken);
        var nextFire = await dispatchTrigger.NextFireAsync(cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The same condition the dispatcher claims with: what it would take if it ran now.
        var dueNow = await db.PostTargets.CountAsync(
            t => (t.State == TargetState.Scheduled && t.DueUtc <= now) || (t.State == TargetState.Retrying && t.NextAttemptUtc <= now), cancellationToken);
        var oldest = await db.PostTargets.Where(t => (t.State == TargetState.Scheduled || t.State == TargetState.Retrying || t.State == TargetState.Publishing) && t.DueUtc <= now)
            .OrderBy(t => t.DueUtc).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.PostId, t.State, t.DueUtc })
            .FirstOrDefaultAsync(cancellationToken);
        var counts = await db.PostTargets.GroupBy(t => t.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        return new SystemStatus(
            now,
            schedulerStatus.ToString(),
            nextFire?.UtcDateTime,
            dueNow,
            queue.Pending,
            oldest is null ? null : new DueItem(oldest.Id, oldest.PostId, oldest.State, oldest.DueUtc!.Value, now - oldest.DueUtc.Value),
            counts.ToDictionary(c => c.Key, c => c.Count),
            storage.Value.FullDataDirectory,
            DatabaseBytes(storage.Value.FullDataDirectory),
            storageProbe.FreeBytes(),
            storageStatus.Pause,
            AppVersion(),
            RuntimeInformation.FrameworkDescription,
            Uptime());
    }

    /// <summary>The SQLite file and its write-ahead log; null when the database is elsewhere (a custom connection string).</summary>
    private static long? DatabaseBytes(string dataDirectory)
    {
        var files = new[] { "ocma.db", "ocma.db-wal" }.Select(name => new FileInfo(Path.Combine(dataDirectory, name))).Where(f => f.Exists).ToList();
        return files.Count == 0 ? null : files.Sum(f => f.Length);
    }

    private static string AppVersion() =>
        typeof(SystemStatusService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SystemStatusService).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private TimeSpan Uptime()
    {
        using var process = Process.GetCurrentProcess();
        return time.GetUtcNow() - process.StartTime.ToUniversalTime();
    }
}
