using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Bench;

/// <summary>
/// 10,000 targets due at the same instant across 20 accounts on servers that store every POST (no idempotency); each
/// answers in 50 ms. Goal: all published in ≤ 60 s, with dup, lost and misreported 0 counted per target from the servers.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class PublishBurstBenchmark(ITestOutputHelper output)
{
    [Fact]
    public async Task PublishBurst_TenThousandTargetsAcrossTwentyAccounts()
    {
        const int accounts = 20;
        await using var app = new OcmaAppFactory(settings: MastodonChannels.Settings.Where(s => !s.Key.EndsWith("Timeout", StringComparison.Ordinal)).ToDictionary());
        var admin = await TestUsers.CreateAdminAsync(app);
        await using var platform = await BenchmarkPlatform.StartAsync(app, admin, accounts, TimeSpan.FromMilliseconds(50));
        var targets = await platform.ScheduleAsync(app, admin, 10_000 / accounts, "Burst post");

        await using (var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            await db.PostTargets.ExecuteUpdateAsync(s => s.SetProperty(t => t.DueUtc, now));
        }

        var clock = Stopwatch.StartNew();
        await app.Get<DispatchTrigger>().ArmAsync(DateTime.UtcNow, CancellationToken.None);
        await Eventually.MatchesAsync(() => BenchmarkPlatform.CountAsync(app, TargetState.Published), n => n == targets, TimeSpan.FromMinutes(10), "the burst to publish");
        var seconds = clock.Elapsed.TotalSeconds;

        var counts = await platform.AuditAsync(app);
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        BenchmarkReport.Print(output, "publish-burst",
            ("targets", targets), ("accounts", accounts), ("seconds", seconds), ("per_sec", targets / seconds),
            ("dup", counts.Duplicates), ("lost", counts.Lost), ("misreported", counts.Misreported), ("peak_rss_mb", peakMb), ("rss_scope", "test-process-incl-fakes"),
            ("goal", seconds <= 60 && counts.Clean ? "met" : "short"));
        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Take(20).Prepend(counts.ToString())));
    }
}
