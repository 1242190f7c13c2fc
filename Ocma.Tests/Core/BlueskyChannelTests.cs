using Microsoft.EntityFrameworkCore;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Jobs;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Tests.Fakes.Bluesky;
using Ocma.Tests.Support;
using Quartz;

namespace Ocma.Tests.Core;

/// <summary>
/// A Bluesky channel in the running app, on the fake PDS and its clock: the session renewed by the refresh job (no
/// platform app needed), an app password revoked and met at the next refresh, reconnecting resuming held posts, a
/// lost answer found by its record key, and channel health following what publishing shows.
/// </summary>
public sealed class BlueskyChannelTests : IAsyncLifetime
{
    private BlueskyFake _fake = null!;
    private OcmaAppFactory _app = null!;
    private Ocma.Core.Audit.Actor _admin = null!;
    private ChannelSummary _channel = null!;

    public async Task InitializeAsync()
    {
        _fake = await BlueskyFake.StartAsync();
        _app = BlueskyChannels.App(_fake);
        _admin = await TestUsers.CreateAdminAsync(_app);
        _channel = await BlueskyChannels.ConnectAsync(_app, _admin);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task RefreshJob_SessionAboutToExpire_RenewsItWithRefreshSession_AndTheChannelStaysActive()
    {
        _fake.Clock.Advance(TimeSpan.FromMinutes(110)); // the access JWT lives 2 h: 10 minutes left

        await RunRefreshJobAsync();

        var channel = await Eventually.MatchesAsync(ChannelAsync, c => c.TokenExpiresUtc > _channel.TokenExpiresUtc, TimeSpan.FromSeconds(20), "the session to be renewed");
        Assert.Single(_fake.Journal.Matching("POST", "/xrpc/com.atproto.server.refreshSession"));
        Assert.Equal(ChannelStatus.Active, channel.Status);
        Assert.Null(channel.StatusReason);
        Assert.Equal(_fake.Clock.GetUtcNow().UtcDateTime.AddHours(2), channel.TokenExpiresUtc);
    }

    [Fact]
    public async Task RefreshJob_AppPasswordRevoked_ChannelNeedsReconnectWithTheReason_AndIsNotHealthy()
    {
        _fake.RevokeAppPassword(BlueskyFake.Team, BlueskyFake.Team.AppPassword);
        _fake.Clock.Advance(TimeSpan.FromMinutes(110));

        await RunRefreshJobAsync();

        var channel = await Eventually.MatchesAsync(ChannelAsync, c => c.Status == ChannelStatus.NeedsReconnect, TimeSpan.FromSeconds(20), "the channel to need a reconnect");
        Assert.Contains("app password", channel.StatusReason, StringComparison.Ordinal);
        var health = (await _app.Get<ChannelHealthService>().ForBrandAsync(1, CancellationToken.None))[_channel.Id];
        Assert.False(health.Healthy);
    }

    [Fact]
    public async Task Publish_StoredButTheAnswerLost_IsPublishedOnce_NotFailedAfterSixAttempts()
    {
        _fake.FailAfterCommitNext = 504; // the PDS stored it; the proxy in front of it gave up

        var post = await ComposeAsync("The answer was lost");
        var target = await SettleAsync(post);

        Assert.Equal(TargetState.Published, target.State);
        Assert.Equal(Assert.Single(_fake.Records).Uri, target.PlatformPostId);
        Assert.Equal(1, target.AttemptCount);
    }

    [Fact]
    public async Task Reconnect_AfterTheAppPasswordWasRevoked_ResumesTheHeldPostWhichPublishesOnce()
    {
        _fake.RevokeAppPassword(BlueskyFake.Team, BlueskyFake.Team.AppPassword);
        _fake.Clock.Advance(TimeSpan.FromHours(2)); // the access JWT expired: the send needs a refresh, which is refused
        var post = await ComposeAsync("Held for a reconnect");
        var held = await SettleAsync(post);
        Assert.Equal(TargetState.NeedsAttention, held.State);
        Assert.Equal(ChannelStatus.NeedsReconnect, (await ChannelAsync()).Status);

        var path = await _app.Get<ChannelService>().ReconnectPathAsync(_channel.Id, 1, _admin, CancellationToken.None);
        var reconnected = await BlueskyChannels.ConnectAsync(_app, _admin, _fake.BaseUrl.ToString(), _fake.NewAppPassword(BlueskyFake.Team));
        var published = await SettleAsync(post);

        Assert.Equal($"/channels?reconnect={_channel.Id}", path.Value);
        Assert.Equal(_channel.Id, reconnected.Id);
        Assert.Equal(TargetState.Published, published.State);
        Assert.Single(_fake.Records, r => (string?)r.Value["text"] == "Held for a reconnect");
    }

    [Fact]
    public async Task Health_FollowsPublishing_AnOutageShowsAtOnceAndTheNextSuccessClearsIt()
    {
        Assert.True((await _app.Get<ChannelHealthService>().ProbeAsync(_channel.Id, CancellationToken.None))!.Healthy);
        _fake.Faults.Next("POST", "/xrpc/com.atproto.repo.createRecord", c => Microsoft.AspNetCore.Http.Results.Json(
            new { error = "InternalServerError", message = "Internal Server Error" }, statusCode: 503).ExecuteAsync(c));

        var failing = await ComposeAsync("During the outage");
        await Eventually.MatchesAsync(() => TargetAsync(failing), t => t.State == TargetState.Retrying, TimeSpan.FromSeconds(20), "the send to fail");
        var during = await HealthAsync();
        _fake.Clock.Advance(TimeSpan.FromMinutes(5));
        await SettleAsync(failing);
        var after = await HealthAsync();

        Assert.False(during.Healthy);
        Assert.Contains("unavailable", during.Problem, StringComparison.OrdinalIgnoreCase);
        Assert.True(after.Healthy, after.Problem);
        Assert.Equal(_fake.Clock.GetUtcNow().UtcDateTime, after.LastSuccessUtc);
    }

    private async Task RunRefreshJobAsync()
    {
        var scheduler = await _app.Get<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(JobSchedule.GrantRefresh);
    }

    private async Task<ChannelSummary> ChannelAsync() =>
        (await _app.Get<ChannelService>().ListAsync(1, CancellationToken.None)).Single(c => c.Id == _channel.Id);

    private async Task<ChannelHealth> HealthAsync() =>
        (await _app.Get<ChannelHealthService>().ForBrandAsync(1, CancellationToken.None))[_channel.Id];

    private async Task<int> ComposeAsync(string text)
    {
        var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [_channel.Id], ComposeMode.PublishNow, null), _admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return post.Value.Id;
    }

    /// <summary>Runs the dispatcher on the test clock until the post's target settles (a retry is due a few seconds later).</summary>
    private async Task<PostTarget> SettleAsync(int postId)
    {
        for (var round = 0; round < 10; round++)
        {
            await _app.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None);
            var target = await Eventually.MatchesAsync(() => TargetAsync(postId), t => t.State is not (TargetState.Scheduled or TargetState.Publishing), TimeSpan.FromSeconds(20), $"post {postId} to be sent");
            if (target.State != TargetState.Retrying)
            {
                return target;
            }

            _fake.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        return await TargetAsync(postId);
    }

    private async Task<PostTarget> TargetAsync(int postId)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.AsNoTracking().SingleAsync(t => t.PostId == postId);
    }
}
