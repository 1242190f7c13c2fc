using Ocma.Core.Operations;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Tests.Core.Publishing;
using Ocma.Tests.Support;
using Quartz;

namespace Ocma.Tests.Core;

public sealed class SystemStatusServiceTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    private SystemStatusService Status => _harness.App.Get<SystemStatusService>();

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetAsync_SchedulerInStandbyWithThreePostsPastDue_ReportsTheBacklogThenItsDrain()
    {
        var scheduler = await _harness.App.Get<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        var firstDue = DateTime.UtcNow.AddSeconds(1); // the brand's zone is UTC
        var posts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var post = await _harness.ComposeAsync($"Backlog {i}", ComposeMode.Schedule, firstDue.AddMilliseconds(200 * i));
            Assert.True(post.Succeeded, post.Error);
            posts.Add(post.Value.Id);
        }

        var backlog = await Eventually.MatchesAsync(() => Status.GetAsync(CancellationToken.None), s => s.DueNow == 3, TimeSpan.FromSeconds(10), "three due targets");

        Assert.Equal("Standby", backlog.SchedulerStatus);
        Assert.Equal(3, backlog.CountsByState[TargetState.Scheduled]);
        var oldest = Assert.IsType<DueItem>(backlog.OldestDue);
        Assert.Equal(posts[0], oldest.PostId);
        Assert.Equal(firstDue, oldest.DueUtc, TimeSpan.FromMilliseconds(1));
        Assert.True(oldest.Lag > TimeSpan.Zero, $"lag {oldest.Lag}");
        Assert.Equal(firstDue, backlog.NextDispatchUtc!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(Path.GetFullPath(_harness.App.DataDirectory), backlog.DataDirectory);
        Assert.True(backlog.DatabaseBytes > 0);
        Assert.StartsWith(".NET 10", backlog.RuntimeVersion, StringComparison.Ordinal);
        Assert.True(backlog.Uptime > TimeSpan.Zero);
        Assert.False(string.IsNullOrWhiteSpace(backlog.AppVersion));

        await scheduler.Start();
        var drained = await Eventually.MatchesAsync(() => Status.GetAsync(CancellationToken.None), s => s.CountsByState.GetValueOrDefault(TargetState.Published) == 3, TimeSpan.FromSeconds(20), "the backlog to publish");

        Assert.Equal("Running", drained.SchedulerStatus);
        Assert.Equal(0, drained.DueNow);
        Assert.Null(drained.OldestDue);
        Assert.Equal(0, drained.InProcessPending);
    }
}
