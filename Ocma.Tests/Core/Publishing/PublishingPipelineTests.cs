using Microsoft.EntityFrameworkCore;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;

namespace Ocma.Tests.Core.Publishing;

public sealed class PublishingPipelineTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PublishNow_ToSandbox_IsPublishedWithLinkAndOnTheFeed()
    {
        var post = await _harness.ComposeAsync("Hello from the pipeline");

        var target = await _harness.WaitForTargetAsync(post.Value.Id, s => s == TargetState.Published);

        Assert.StartsWith("/sandbox#post-", target.PlatformUrl, StringComparison.Ordinal);
        Assert.Equal(1, await _harness.FeedCountAsync("Hello from the pipeline"));
        Assert.Equal(1, target.AttemptCount);
    }

    [Fact]
    public async Task Publish_WhenPlatformRefusesContent_FailsWithTheReasonInWords()
    {
        await _harness.FailNextAsync(SandboxFailureMode.Rejected);

        var post = await _harness.ComposeAsync("This one gets refused");
        var target = await _harness.WaitForTargetAsync(post.Value.Id, s => s is TargetState.Failed or TargetState.Published);

        Assert.Equal(TargetState.Failed, target.State);
        Assert.Contains("refused by the practice platform's moderation", target.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await _harness.FeedCountAsync("This one gets refused"));
    }

    [Fact]
    public async Task Publish_WhenPlatformIsDown_RetriesAndThenPublishesOnce()
    {
        await _harness.FailNextAsync(SandboxFailureMode.Unavailable);

        var post = await _harness.ComposeAsync("Second time lucky");
        var target = await _harness.WaitForTargetAsync(post.Value.Id, s => s == TargetState.Published);

        Assert.Equal(2, target.AttemptCount);
        Assert.Equal(1, await _harness.FeedCountAsync("Second time lucky"));
        var attempts = await AttemptsAsync(target.TargetId);
        Assert.Equal([AttemptOutcome.Failed, AttemptOutcome.Published], attempts.Select(a => a.Outcome));
        Assert.Equal(Ocma.Core.Connectors.FailureKind.Unavailable, attempts[0].FailureKind);
    }

    [Fact]
    public async Task Publish_WhenConnectionDropsAfterCommit_LooksThePostUpInsteadOfPostingTwice()
    {
        await _harness.FailNextAsync(SandboxFailureMode.ConnectionDropped);

        var post = await _harness.ComposeAsync("Committed then dropped");
        var target = await _harness.WaitForTargetAsync(post.Value.Id, s => s is TargetState.Published or TargetState.Failed or TargetState.NeedsAttention);

        Assert.Equal(TargetState.Published, target.State);
        Assert.Equal(1, await _harness.FeedCountAsync("Committed then dropped"));
        var attempts = await AttemptsAsync(target.TargetId);
        Assert.Equal(AttemptOutcome.FoundOnPlatform, Assert.Single(attempts).Outcome);
    }

    [Fact]
    public async Task Publish_WhenAccessIsRevoked_HoldsThePostAndMarksTheChannelForReconnect()
    {
        await _harness.FailNextAsync(SandboxFailureMode.Revoked);

        var post = await _harness.ComposeAsync("Nobody may post this");
        var target = await _harness.WaitForTargetAsync(post.Value.Id, s => s is TargetState.NeedsAttention or TargetState.Failed or TargetState.Published);

        Assert.Equal(TargetState.NeedsAttention, target.State);
        Assert.Contains("reconnect", target.LastError, StringComparison.OrdinalIgnoreCase);
        var channel = (await _harness.App.Get<ChannelService>().ListAsync(1, CancellationToken.None)).Single();
        Assert.Equal(ChannelStatus.NeedsReconnect, channel.Status);
    }

    [Fact]
    public async Task Publish_ToTwoChannels_OneFailing_ShowsEachTargetsOwnTruth()
    {
        var second = await Support.SandboxChannels.ConnectAsync(_harness.App, _harness.Admin, "@second");
        await _harness.FailNextAsync(SandboxFailureMode.Rejected);

        var post = await _harness.ComposeAsync("Partly refused", channelIds: [_harness.Channel.Id, second.Id]);
        await using var db = await _harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var states = await Support.Eventually.MatchesAsync(
            () => db.PostTargets.AsNoTracking().Where(t => t.PostId == post.Value.Id).Select(t => t.State).ToListAsync(),
            s => s.All(TargetTransitions.IsSettled), TimeSpan.FromSeconds(20), "both targets to settle");

        Assert.Equal([TargetState.Published, TargetState.Failed], states.Order());
        Assert.Equal(1, await _harness.FeedCountAsync("Partly refused"));
    }

    private async Task<List<PublishAttempt>> AttemptsAsync(int targetId)
    {
        await using var db = await _harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PublishAttempts.AsNoTracking().Where(a => a.TargetId == targetId).OrderBy(a => a.Number).ToListAsync();
    }
}
