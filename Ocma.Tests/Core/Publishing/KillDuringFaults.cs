using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// A platform fake under a fault matrix: how to connect it, how to arm <c>count</c> faults of a stage (with the
/// installation running in-process), and what it stored (from its journal or, for the Sandbox, the data folder), each
/// stored post tied to its target by idempotency key or, where the platform takes none (<see cref="KeyedByText"/>), by text.
/// A platform that only takes posts with an image (<see cref="PostsNeedAnImage"/>, Instagram) fetches it from the app's public link.
/// </summary>
internal sealed record FaultedPlatform(
    IReadOnlyDictionary<string, string?> Settings,
    Func<OcmaAppFactory, Actor, Task<ChannelSummary>> ConnectAsync,
    Func<OcmaAppFactory, string, int, Task> ArmAsync,
    Func<string, Task<IReadOnlyList<StoredPost>>> StoredAsync,
    bool KeyedByText = false,
    bool PostsNeedAnImage = false)
{
    /// <summary>Arming for a fake whose faults are armed one at a time, outside the app.</summary>
    public static Func<OcmaAppFactory, string, int, Task> EachTime(Action<string> armOne) => (_, stage, count) =>
    {
        for (var i = 0; i < count; i++)
        {
            armOne(stage);
        }

        return Task.CompletedTask;
    };
}

/// <summary>
/// One cell of the fault × kill matrix: a burst goes to a fake armed with faults of one stage (or one fault of each of
/// several stages), the console (a real
/// process) is killed with SIGKILL at a random point of the burst and started again on the same data folder; the run's
/// per-target figures are counted from the fake's journal once every target has settled.
/// </summary>
internal static class KillDuringFaults
{
    /// <summary>Fewer than the platform breaker's threshold (5), so the burst is faulted without the platform being held as degraded.</summary>
    private const int FaultsPerRun = 3;

    public static Task<DeliveryCounts> RunAsync(FaultedPlatform platform, string stage, int targets, ITestOutputHelper output) =>
        RunAsync(platform, [stage], FaultsPerRun, targets, output);

    /// <summary>Every stage in <paramref name="stages"/> armed <paramref name="faultsEach"/> times, all in one burst and one kill.</summary>
    public static async Task<DeliveryCounts> RunAsync(FaultedPlatform platform, IReadOnlyList<string> stages, int faultsEach, int targets, ITestOutputHelper output)
    {
        var stage = string.Join("+", stages);
        var dataDirectory = OcmaAppFactory.NewDataDirectory();
        var settings = new Dictionary<string, string?>(platform.Settings)
        {
            ["Publishing:FirstRetryDelay"] = "00:00:00.200",
            ["Publishing:LookAgainAfter"] = "00:00:01",
        };
        await PrepareAsync(dataDirectory, settings, platform, stages, faultsEach, targets);

        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        if (platform.PostsNeedAnImage)
        {
            environment["PublicBaseUrl"] = AppProcess.OwnAddress; // the platform fetches the image from the console's public link
        }

        var killAfter = Random.Shared.Next(1, targets / 2);
        await using (var first = await AppProcess.StartAsync(dataDirectory, environment))
        {
            await Eventually.MatchesAsync(async () => (await platform.StoredAsync(dataDirectory)).Count, n => n >= killAfter, TimeSpan.FromSeconds(60), $"{killAfter} posts to reach the platform");
            first.Kill();
        }

        var inFlight = await DataFolderDb.CountAsync(dataDirectory, "SELECT COUNT(*) FROM PostTargets WHERE State = 'Publishing'");
        await using (await AppProcess.StartAsync(dataDirectory, environment))
        {
            await Eventually.MatchesAsync(() => DataFolderDb.SettledAsync(dataDirectory), n => n == targets, TimeSpan.FromSeconds(120), $"every target to settle after {stage} and a kill");
        }

        var counts = DeliveryAudit.Count(await platform.StoredAsync(dataDirectory), await DataFolderDb.TargetsAsync(dataDirectory, platform.KeyedByText));
        output.WriteLine($"{stage}: killed once {killAfter} posts were stored ({inFlight} targets in Publishing); after the restart {counts}");
        return counts;
    }

    /// <summary>An admin, the channel, the armed faults and the burst's posts made due now, written by an in-process host that is then stopped.</summary>
    private static async Task PrepareAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings, FaultedPlatform platform, IReadOnlyList<string> stages, int faultsEach, int targets)
    {
        // Composing for a platform that fetches images checks that Ocma has a public address; the process gets its own.
        await using var app = new OcmaAppFactory(dataDirectory, platform.PostsNeedAnImage
            ? new Dictionary<string, string?>(settings) { ["PublicBaseUrl"] = "http://127.0.0.1:9/" }
            : settings);
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await platform.ConnectAsync(app, admin);
        foreach (var stage in stages)
        {
            await platform.ArmAsync(app, stage, faultsEach);
        }

        int[] mediaIds = platform.PostsNeedAnImage ? [await FaultStageRun.UploadImageAsync(app, admin)] : [];
        var later = DateTime.UtcNow.AddHours(1);
        for (var i = 0; i < targets; i++)
        {
            var post = await app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, $"Kill matrix post {i:000}", [channel.Id], ComposeMode.Schedule, later, MediaIds: mediaIds), admin, CancellationToken.None);
            Assert.True(post.Succeeded, post.Error);
        }

        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        await db.PostTargets.ExecuteUpdateAsync(s => s.SetProperty(t => t.DueUtc, now));
    }
}
