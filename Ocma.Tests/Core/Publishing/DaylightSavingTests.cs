using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ocma.Core.Brands;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Publishing;

/// <summary>Posts planned around Berlin's 2027 clock changes go out at the instants the zone rules say, never an hour off.</summary>
public sealed class DaylightSavingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestClock.At(2027, 3, 27, 12, 0, 0));
    private OcmaAppFactory _app = default!;
    private Ocma.Core.Audit.Actor _admin = default!;
    private int _channelId;

    public async Task InitializeAsync()
    {
        _app = new OcmaAppFactory(configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        _admin = await TestUsers.CreateAdminAsync(_app);
        Assert.True((await _app.Get<BrandService>().UpdateAsync(1, "Berlin team", "Europe/Berlin", _admin, CancellationToken.None)).Succeeded);
        _channelId = (await SandboxChannels.ConnectAsync(_app, _admin)).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SpringForward_PostsAroundTheSkippedHour_PublishAtTheirInstants_AndTheSkippedTimeIsRefused()
    {
        var before = await ScheduleAsync(TestClock.Wall(2027, 3, 28, 1, 30));
        var after = await ScheduleAsync(TestClock.Wall(2027, 3, 28, 3, 30));
        var skipped = await _app.Get<ComposeService>().SubmitAsync(Request(TestClock.Wall(2027, 3, 28, 2, 30)), _admin, CancellationToken.None);

        Assert.Contains("does not exist in Europe/Berlin", skipped.Error, StringComparison.Ordinal);
        await AssertPublishesAtAsync(before, TestClock.Utc(2027, 3, 28, 0, 30, 0));
        await AssertPublishesAtAsync(after, TestClock.Utc(2027, 3, 28, 1, 30, 0));
    }

    [Fact]
    public async Task FallBack_PostsAroundTheRepeatedHour_PublishAtTheirInstants()
    {
        _clock.SetUtcNow(TestClock.At(2027, 10, 30, 12, 0, 0));
        var repeated = await ScheduleAsync(TestClock.Wall(2027, 10, 31, 2, 30));
        var afterwards = await ScheduleAsync(TestClock.Wall(2027, 10, 31, 3, 30));

        await AssertPublishesAtAsync(repeated, TestClock.Utc(2027, 10, 31, 0, 30, 0));
        await AssertPublishesAtAsync(afterwards, TestClock.Utc(2027, 10, 31, 2, 30, 0));
    }

    private ComposeRequest Request(DateTime local) => new(1, $"Planned for {local:yyyy-MM-dd HH:mm} Berlin time", [_channelId], ComposeMode.Schedule, local);

    private async Task<int> ScheduleAsync(DateTime local)
    {
        var post = await _app.Get<ComposeService>().SubmitAsync(Request(local), _admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return post.Value.Targets.Single().Id;
    }

    /// <summary>A second before its instant the dispatcher leaves it alone; at the instant it is published, stamped with that instant.</summary>
    private async Task AssertPublishesAtAsync(int targetId, DateTime instantUtc)
    {
        _clock.SetUtcNow(new DateTimeOffset(instantUtc.AddSeconds(-1)));
        await _app.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None);
        Assert.Equal(TargetState.Scheduled, (await TargetAsync(targetId)).State);

        _clock.SetUtcNow(new DateTimeOffset(instantUtc));
        await _app.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None);
        var published = await Eventually.MatchesAsync(() => TargetAsync(targetId), t => t.State == TargetState.Published, TimeSpan.FromSeconds(10), $"target {targetId} to publish");
        Assert.Equal(instantUtc, published.DueUtc);
        Assert.Equal(instantUtc, published.PublishedUtc);
    }

    private async Task<PostTarget> TargetAsync(int targetId)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.AsNoTracking().SingleAsync(t => t.Id == targetId);
    }
}
