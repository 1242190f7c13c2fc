using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Kill the console (SIGKILL) while 1,000 targets are publishing, start it again: every target is published
/// exactly once according to the platform, and the console says so.
/// </summary>
[Trait("Category", "Crash")]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Targets = 1000;

    [Fact]
    public async Task KilledMidBurst_AfterRestart_EveryTargetPublishedExactlyOnce()
    {
        await using var fake = await MastodonFake.StartAsync();
        fake.RateLimit = 1_000_000;
        fake.StatusLatency = TimeSpan.FromMilliseconds(40);
        var dataDirectory = OcmaAppFactory.NewDataDirectory();
        await PrepareAsync(dataDirectory, fake);
        var environment = MastodonChannels.Settings.Where(s => !s.Key.EndsWith("Timeout", StringComparison.Ordinal))
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

        await using (var first = await AppProcess.StartAsync(dataDirectory, environment))
        {
            await Eventually.MatchesAsync(() => Task.FromResult(fake.Statuses.Count), n => n >= Targets / 4, TimeSpan.FromSeconds(90), "a quarter of the burst to reach the platform");
            first.Kill();
        }

        var atKill = fake.Statuses.Count;
        var inFlight = await CountAsync(dataDirectory, "SELECT COUNT(*) FROM PostTargets WHERE State = 'Publishing'");
        output.WriteLine($"killed with {atKill} statuses on the platform and {inFlight} targets in Publishing");
        Assert.InRange(atKill, 1, Targets - 1);

        await using (await AppProcess.StartAsync(dataDirectory, environment))
        {
            await Eventually.MatchesAsync(
                () => CountAsync(dataDirectory, "SELECT COUNT(*) FROM PostTargets WHERE State IN ('Published', 'Failed', 'NeedsAttention')"),
                n => n == Targets, TimeSpan.FromSeconds(120), "every target to settle after the restart");
        }

        Assert.Equal(Targets, await CountAsync(dataDirectory, "SELECT COUNT(*) FROM PostTargets WHERE State = 'Published'"));
        var statuses = fake.Statuses;
        Assert.Equal(Targets, statuses.Count);
        Assert.All(statuses.GroupBy(s => s.IdempotencyKey), g => Assert.Single(g));
        var published = await PublishedIdsAsync(dataDirectory);
        Assert.Equal(statuses.Select(s => s.Id).Order(), published.Values.Order());
        foreach (var status in statuses)
        {
            Assert.Equal(status.Id, published[status.Text]);
        }
    }

    /// <summary>An admin, a Mastodon channel on the fake, and 1,000 posts due now, written by an in-process host that is then stopped.</summary>
    private static async Task PrepareAsync(string dataDirectory, MastodonFake fake)
    {
        await using var app = new OcmaAppFactory(dataDirectory, MastodonChannels.Settings);
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await MastodonChannels.ConnectAsync(app, admin, fake);
        var compose = app.Get<ComposeService>();
        var later = DateTime.UtcNow.AddHours(1);
        for (var i = 0; i < Targets; i++)
        {
            var post = await compose.SubmitAsync(new ComposeRequest(1, $"Crash run post #{i:0000}", [channel.Id], ComposeMode.Schedule, later), admin, CancellationToken.None);
            Assert.True(post.Succeeded, post.Error);
        }

        // Make them due now. The stored Quartz trigger still says "in an hour": the restarted console must re-arm it from the posts.
        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        await db.PostTargets.ExecuteUpdateAsync(s => s.SetProperty(t => t.DueUtc, now));
    }

    private static async Task<int> CountAsync(string dataDirectory, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "ocma.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<string, string>> PublishedIdsAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "ocma.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.Text, t.PlatformPostId FROM PostTargets t JOIN Posts p ON p.Id = t.PostId WHERE t.State = 'Published'";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            ids[reader.GetString(0)] = reader.GetString(1);
        }

        return ids;
    }
}
