using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Kill the console (SIGKILL) while 1,000 targets are publishing to the Sandbox in its no-idempotency mode (every
/// publish stores a new post, as X or LinkedIn do), start it again: every target is stored exactly once, counted per
/// target from the platform's own table, and the console says so.
/// </summary>
[Trait("Category", "Crash")]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Targets = 1000;

    /// <summary>The Sandbox as a platform that stores every POST, answering 40 ms after it stored the post (the window a kill must hit).</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Sandbox:HonourIdempotencyKey"] = "false",
        ["Sandbox:AnswerDelay"] = "00:00:00.040",
    };

    [Fact]
    public async Task KilledMidBurst_AfterRestart_EveryTargetPublishedExactlyOnce()
    {
        var dataDirectory = OcmaAppFactory.NewDataDirectory();
        await PrepareAsync(dataDirectory);
        var environment = Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        var stored = "SELECT COUNT(*) FROM SandboxPosts";

        await using (var first = await AppProcess.StartAsync(dataDirectory, environment))
        {
            await Eventually.MatchesAsync(() => DataFolderDb.CountAsync(dataDirectory, stored), n => n >= Targets / 4, TimeSpan.FromSeconds(90), "a quarter of the burst to reach the platform");
            first.Kill();
        }

        var atKill = await DataFolderDb.CountAsync(dataDirectory, stored);
        var inFlight = await DataFolderDb.CountAsync(dataDirectory, "SELECT COUNT(*) FROM PostTargets WHERE State = 'Publishing'");
        output.WriteLine($"killed with {atKill} posts on the platform and {inFlight} targets in Publishing");
        Assert.InRange(atKill, 1, Targets - 1);

        await using (await AppProcess.StartAsync(dataDirectory, environment))
        {
            await Eventually.MatchesAsync(
                () => DataFolderDb.SettledAsync(dataDirectory),
                n => n == Targets, TimeSpan.FromSeconds(120), "every target to settle after the restart");
        }

        var counts = DeliveryAudit.Count(
            await DataFolderDb.RowsAsync(dataDirectory, "SELECT IdempotencyKey, CAST(Id AS TEXT) FROM SandboxPosts", r => new StoredPost(r.GetString(0), r.GetString(1))),
            await DataFolderDb.TargetsAsync(dataDirectory));
        output.WriteLine(counts.ToString());
        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.Equal(Targets, counts.Targets);
        Assert.Equal(Targets, await DataFolderDb.CountAsync(dataDirectory, "SELECT COUNT(*) FROM PostTargets WHERE State = 'Published'"));
    }

    /// <summary>An admin, a Sandbox channel, and 1,000 posts due now, written by an in-process host that is then stopped.</summary>
    private static async Task PrepareAsync(string dataDirectory)
    {
        await using var app = new OcmaAppFactory(dataDirectory, Settings);
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await SandboxChannels.ConnectAsync(app, admin);
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
}
