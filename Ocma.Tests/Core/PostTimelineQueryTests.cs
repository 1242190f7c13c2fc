using Ocma.Core.Connectors;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;
using Ocma.Tests.Core.Publishing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core;

public sealed class PostTimelineQueryTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    private PostTimelineQuery Timeline => _harness.App.Get<PostTimelineQuery>();

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task FindAsync_AfterThePlatformWasDownOnce_ListsBothAttemptsInOrder()
    {
        await _harness.FailNextAsync(SandboxFailureMode.Unavailable);
        var post = await _harness.ComposeAsync("Down once, then up");
        await _harness.WaitForTargetAsync(post.Value.Id, s => s is TargetState.Published or TargetState.Failed or TargetState.NeedsAttention);

        var timeline = await Timeline.FindAsync(post.Value.Id, CancellationToken.None);

        Assert.NotNull(timeline);
        Assert.Equal(("Down once, then up", TestUsers.AdminEmail, "Etc/UTC"), (timeline.Text, timeline.AuthorName, timeline.TimeZoneId));
        var target = Assert.Single(timeline.Targets);
        Assert.Equal(TargetState.Published, target.State);
        Assert.StartsWith("/sandbox#post-", target.PlatformUrl, StringComparison.Ordinal);
        Assert.Contains("@team", target.ChannelLabel, StringComparison.Ordinal);
        Assert.Equal([1, 2], target.Attempts.Select(a => a.Number));
        Assert.Equal([AttemptOutcome.Failed, AttemptOutcome.Published], target.Attempts.Select(a => a.Outcome));
        var failed = target.Attempts[0];
        Assert.Equal(FailureKind.Unavailable, failed.FailureKind);
        Assert.False(string.IsNullOrWhiteSpace(failed.Message));
        Assert.NotNull(failed.FinishedUtc);
        Assert.True(target.Attempts[1].StartedUtc >= failed.FinishedUtc, "the retry started before the first attempt finished");
        Assert.Null(target.Attempts[1].FailureKind);
        Assert.True(timeline.CreatedUtc <= failed.StartedUtc);
    }

    [Fact]
    public async Task FindAsync_ScheduledPost_HasItsTargetAndNoAttemptsYet()
    {
        var post = await _harness.ComposeAsync("Later", ComposeMode.Schedule, DateTime.UtcNow.AddHours(2));

        var timeline = await Timeline.FindAsync(post.Value.Id, CancellationToken.None);

        var target = Assert.Single(timeline!.Targets);
        Assert.Equal(TargetState.Scheduled, target.State);
        Assert.Equal(post.Value.Targets[0].DueUtc, target.DueUtc);
        Assert.Empty(target.Attempts);
    }

    [Fact]
    public async Task FindAsync_NoSuchPost_ReturnsNull()
    {
        Assert.Null(await Timeline.FindAsync(424242, CancellationToken.None));
    }
}
