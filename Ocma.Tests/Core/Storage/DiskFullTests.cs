using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Storage;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Storage;

/// <summary>
/// The disk fills up in the middle of a burst: publishing pauses as a whole with the reason (top bar, readiness), no worker
/// dies, nothing is sent while paused, and once writes succeed again publishing resumes by itself — every target published
/// exactly once on a Mastodon fake that keeps every POST (no idempotency), counted per target from its journal.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ReadyToken = "ready-token-for-disk-full-tests";
    private readonly DiskFullSwitch _disk = new();
    private MastodonFake _fake = default!;
    private OcmaAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _fake = await MastodonFake.StartAsync();
        _fake.RateLimit = 1_000_000;
        _fake.HonourIdempotencyKey = false;
        _fake.Clock.SetUtcNow(DateTimeOffset.UtcNow); // the fake stamps statuses on the clock the app runs on
        _app = new OcmaAppFactory(
            settings: new Dictionary<string, string?>(MastodonChannels.Settings)
            {
                ["Storage:CheckInterval"] = "00:00:00.100",
                ["Publishing:FirstRetryDelay"] = "00:00:00.200",
                ["Health:ReadyToken"] = ReadyToken,
            },
            configureServices: services => services.ConfigureDbContext<OcmaDbContext>(o => o.AddInterceptors(_disk)));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task DiskFullMidBurst_PausesWithTheReason_ResumesByItself_NothingLostNothingSentTwice()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        var channel = await MastodonChannels.ConnectAsync(_app, admin, _fake);
        _fake.StatusLatency = TimeSpan.FromMilliseconds(50); // a burst long enough for the disk to fill in its middle
        var ids = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, $"Disk full #{i}", [channel.Id], ComposeMode.PublishNow, null), admin, CancellationToken.None);
            ids.Add(post.Value.Targets.Single().Id);
        }

        await Eventually.MatchesAsync(() => Task.FromResult(_fake.Statuses.Count), n => n >= 5, TimeSpan.FromSeconds(20), "the burst to start");
        _disk.Full = true;
        var storage = _app.Get<StorageStatus>();
        var pause = await Eventually.MatchesAsync(() => Task.FromResult(storage.Pause), p => p is not null, TimeSpan.FromSeconds(10), "publishing to pause");
        Assert.Equal("Publishing is paused: the disk holding the database is full. Nothing is being sent; it resumes by itself once Ocma can write again.", pause!.Headline);

        var (status, report) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("the disk holding the database is full", report.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString(), StringComparison.Ordinal);

        await Task.Delay(500); // a send already on the wire when the disk filled may still land
        var sentWhilePaused = _fake.Statuses.Count;
        await Task.Delay(1500);
        Assert.Equal(sentWhilePaused, _fake.Statuses.Count);
        Assert.True(_disk.RefusedWrites > 0);
        output.WriteLine($"paused after {sentWhilePaused} of 40 sent; {_disk.RefusedWrites} writes refused");

        _disk.Full = false;
        await Eventually.MatchesAsync(() => Task.FromResult(storage.Pause), p => p is null, TimeSpan.FromSeconds(15), "publishing to resume by itself");
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync()).Status);

        var targets = await SettledAsync(ids);
        var counts = DeliveryAudit.Count(_fake.Statuses.Select(s => new StoredPost(s.IdempotencyKey!, s.Id)),
            targets.Select(t => new ReportedTarget(t.IdempotencyKey, t.State, t.PlatformPostId, t.LastError)));
        output.WriteLine(counts.ToString());
        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.All(targets, t => Assert.Equal(TargetState.Published, t.State));

        // Every worker is still alive: a second burst goes out in full.
        var after = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, $"After the disk was freed #{i}", [channel.Id], ComposeMode.PublishNow, null), admin, CancellationToken.None);
            after.Add(post.Value.Targets.Single().Id);
        }

        Assert.All(await SettledAsync(after), t => Assert.Equal(TargetState.Published, t.State));
    }

    [Fact]
    public async Task LowFreeSpace_PausesPublishing_NamingTheFolderAndTheSetting()
    {
        var freeMegabytes = new DriveInfo(Path.GetTempPath()).AvailableFreeSpace / (1024 * 1024);
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?>
        {
            ["Storage:CheckInterval"] = "00:00:00.100",
            ["Storage:MinimumFreeMegabytes"] = (freeMegabytes + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var pause = await Eventually.MatchesAsync(() => Task.FromResult(app.Get<StorageStatus>().Pause), p => p is not null, TimeSpan.FromSeconds(10), "publishing to pause");

        Assert.Contains($"MB are free on the disk holding the data folder {app.DataDirectory}", pause!.Reason, StringComparison.Ordinal);
        Assert.Contains("Storage:MinimumFreeMegabytes", pause.Reason, StringComparison.Ordinal);
    }

    private async Task<List<PostTarget>> SettledAsync(List<int> ids)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await Eventually.MatchesAsync(
            () => db.PostTargets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(),
            all => all.All(t => TargetTransitions.IsSettled(t.State)), TimeSpan.FromSeconds(60), "every target to settle");
    }

    private async Task<(HttpStatusCode Status, JsonElement Report)> ReadyAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/ready");
        request.Headers.Add("X-Health-Token", ReadyToken);
        var response = await _app.CreateClient().SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }
}
