using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Bench;

/// <summary>200 targets due at scattered times over two minutes. Lag = when the platform received the post − its due time. Goal: p99 ≤ 1 s.</summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class DispatchLagBenchmark(ITestOutputHelper output)
{
    [Fact]
    public async Task DispatchLag_TwoHundredTargetsScatteredOverTwoMinutes()
    {
        const int targets = 200;
        await using var app = new OcmaAppFactory(settings: MastodonChannels.Settings.Where(s => !s.Key.EndsWith("Timeout", StringComparison.Ordinal)).ToDictionary());
        var admin = await TestUsers.CreateAdminAsync(app);
        await using var platform = await BenchmarkPlatform.StartAsync(app, admin, 4, TimeSpan.FromMilliseconds(50));
        var random = new Random(7);
        var start = DateTime.UtcNow.AddSeconds(15);
        var compose = app.Get<ComposeService>();
        for (var i = 0; i < targets; i++)
        {
            var due = start.AddMilliseconds(random.Next(0, 120_000));
            var channel = platform.Channels[i % platform.Channels.Count];
            var post = await compose.SubmitAsync(new ComposeRequest(1, $"Lag post #{i:000}", [channel.Id], ComposeMode.Schedule, due), admin, CancellationToken.None);
            Assert.True(post.Succeeded, post.Error);
        }

        await Eventually.MatchesAsync(() => BenchmarkPlatform.CountAsync(app, TargetState.Published), n => n == targets, TimeSpan.FromMinutes(4), "every scattered target to publish");

        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var dueByKey = await db.PostTargets.ToDictionaryAsync(t => t.IdempotencyKey, t => t.DueUtc!.Value);
        var lags = platform.Servers.SelectMany(s => s.Journal.Matching("POST", "/api/v1/statuses"))
            .GroupBy(e => e.Header("Idempotency-Key")!)
            .Select(g => (g.Min(e => e.ReceivedAt).UtcDateTime - dueByKey[g.Key]).TotalMilliseconds)
            .ToList();
        BenchmarkReport.Print(output, "dispatch-lag",
            ("targets", lags.Count), ("p50_ms", BenchmarkReport.Percentile(lags, 50)), ("p99_ms", BenchmarkReport.Percentile(lags, 99)),
            ("max_ms", lags.Max()), ("min_ms", lags.Min()), ("goal", BenchmarkReport.Percentile(lags, 99) <= 1000 ? "met" : "short"));
        Assert.Equal(targets, lags.Count);
        Assert.All(lags, lag => Assert.True(lag >= 0, $"a post reached the platform {-lag:0} ms before its time"));
    }
}
