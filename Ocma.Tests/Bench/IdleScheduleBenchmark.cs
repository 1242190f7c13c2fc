using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Bench;

/// <summary>100,000 future targets scheduled. Goals: the idle console's resident memory ≤ 300 MB; scheduling one more ≤ 50 ms.</summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class IdleScheduleBenchmark(ITestOutputHelper output)
{
    private const int Channels = 20;
    private const int Posts = 5_000;

    [Fact]
    public async Task IdleSchedule_HundredThousandFutureTargets()
    {
        var dataDirectory = OcmaAppFactory.NewDataDirectory();
        var scheduleOneMs = new List<double>();
        await using (var app = new OcmaAppFactory(dataDirectory))
        {
            var admin = await TestUsers.CreateAdminAsync(app);
            var channels = new List<int>();
            for (var i = 0; i < Channels; i++)
            {
                channels.Add((await SandboxChannels.ConnectAsync(app, admin, $"@bench{i}")).Id);
            }

            await InsertFutureTargetsAsync(app, channels);
            var compose = app.Get<ComposeService>();
            for (var i = 0; i < 30; i++)
            {
                var clock = Stopwatch.StartNew();
                var post = await compose.SubmitAsync(new ComposeRequest(1, $"One more #{i}", [channels[i % Channels]], ComposeMode.Schedule, DateTime.UtcNow.AddDays(2)), admin, CancellationToken.None);
                scheduleOneMs.Add(clock.Elapsed.TotalMilliseconds);
                Assert.True(post.Succeeded, post.Error);
            }
        }

        await using var console = await AppProcess.StartAsync(dataDirectory, new Dictionary<string, string>());
        await Task.Delay(TimeSpan.FromSeconds(20)); // start-up sweep done, idle
        var rss = console.ResidentMegabytes();
        var warm = scheduleOneMs.Skip(5).ToList();
        BenchmarkReport.Print(output, "idle-schedule",
            ("targets", (Channels * Posts) + 30), ("rss_mb", rss), ("schedule_one_p50_ms", BenchmarkReport.Percentile(warm, 50)),
            ("schedule_one_max_ms", warm.Max()), ("schedule_one_first_ms", scheduleOneMs[0]));
    }

    /// <summary>Writes 5,000 posts × 20 channels due over the next 30 days straight into the tables (setup, not the thing measured).</summary>
    private static async Task InsertFutureTargetsAsync(OcmaAppFactory app, IReadOnlyList<int> channels)
    {
        var factory = app.Get<IDbContextFactory<OcmaDbContext>>();
        var now = DateTime.UtcNow;
        for (var batch = 0; batch < Posts; batch += 500)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch; i < batch + 500; i++)
            {
                var due = now.AddMinutes(10 + (i * 8.6));
                var post = new Post { BrandId = 1, Text = $"Future post #{i}", AuthorId = "bench", AuthorName = "bench", CreatedUtc = now, UpdatedUtc = now };
                post.Targets.AddRange(channels.Select(c => new PostTarget
                {
                    ChannelId = c,
                    DueUtc = due,
                    PlannedTimeZoneId = "Etc/UTC",
                    State = TargetState.Scheduled,
                    StateChangedUtc = now,
                    IdempotencyKey = Guid.NewGuid().ToString("N"),
                }));
                db.Posts.Add(post);
            }

            await db.SaveChangesAsync();
        }
    }
}
