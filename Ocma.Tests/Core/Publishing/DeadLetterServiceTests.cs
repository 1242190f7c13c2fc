using Ocma.Core.Connectors;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Publishing;

public sealed class DeadLetterServiceTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private DeadLetterService DeadLetters => _harness.App.Get<DeadLetterService>();

    [Fact]
    public async Task ListAsync_FailuresOfThreeKinds_GroupsThemByCauseWithCounts()
    {
        await _harness.FailedAsync("Refused one", SandboxFailureMode.Rejected);
        await _harness.FailedAsync("Refused two", SandboxFailureMode.Rejected);
        await _harness.OutcomeUnknownAsync("Unknown one");
        await _harness.FailedAsync("Revoked one", SandboxFailureMode.Revoked);

        var groups = await _harness.DeadLettersAsync();

        Assert.Equal(
            ["Access revoked — reconnect: 1", "Outcome unknown — check the platform: 1", "Content refused: 2"],
            groups.Select(g => $"{g.Title}: {g.Count}"));
        Assert.Equal(["Refused two", "Refused one"], groups.Single(g => g.Cause == DeadLetterCause.ContentRefused).Targets.Select(t => t.Text));
        var refused = groups.Single(g => g.Cause == DeadLetterCause.ContentRefused).Targets[0];
        Assert.Contains("moderation", refused.Reason, StringComparison.Ordinal);
        Assert.NotNull(refused.LastAttemptUtc);
        Assert.True(groups.Single(g => g.Cause == DeadLetterCause.AccessRevoked).Targets[0].ChannelNeedsReconnect);
    }

    [Fact]
    public async Task RetryAsync_RefusedGroupAfterTheSwitchIsOff_PublishesThem()
    {
        var refused = await _harness.FailedAsync("Refused, then fine", SandboxFailureMode.Rejected);
        Assert.Equal(FailureKind.Rejected, (await _harness.StoredAsync(refused.TargetId)).LastFailureKind);
        await _harness.FailNextAsync(SandboxFailureMode.None, 0);
        var group = (await _harness.DeadLettersAsync()).Single(g => g.Cause == DeadLetterCause.ContentRefused);

        var retried = await DeadLetters.RetryAsync(group.Targets.Select(t => t.Seen).ToList(), false, _harness.Admin, CancellationToken.None);

        Assert.True(retried.Succeeded, retried.Error);
        Assert.Equal(new DeadLetterDecision(1, 0), retried.Value);
        var published = await _harness.WaitForTargetAsync(refused.PostId, s => s == TargetState.Published);
        Assert.Equal(1, await _harness.FeedCountAsync("Refused, then fine"));
        Assert.Equal(2, published.AttemptCount);
        Assert.Null((await _harness.StoredAsync(refused.TargetId)).LastFailureKind);
        Assert.Equal(1, await _harness.AuditCountAsync("target.retried", refused.TargetId));
        Assert.Empty(await _harness.DeadLettersAsync());
    }

    [Fact]
    public async Task RetryAsync_WholePostWithOnePublishedTarget_ResendsOnlyTheFailedOne()
    {
        var second = await SandboxChannels.ConnectAsync(_harness.App, _harness.Admin, "@second");
        await _harness.FailNextAsync(SandboxFailureMode.Rejected);
        var post = await _harness.ComposeAsync("Half refused", channelIds: [_harness.Channel.Id, second.Id]);
        var targets = await Eventually.MatchesAsync(
            () => Task.WhenAll(post.Value.Targets.Select(t => _harness.StoredAsync(t.Id))),
            ts => ts.All(t => TargetTransitions.IsSettled(t.State)), TimeSpan.FromSeconds(20), "both targets to settle");
        var done = targets.Single(t => t.State == TargetState.Published);
        var failed = targets.Single(t => t.State == TargetState.Failed);

        // The person selects the whole post, including the target that already went out.
        var selection = new[] { new SeenTarget(done.Id, done.State, done.StateChangedUtc), (await _harness.SeenAsync(failed.Id)) };
        var retried = await DeadLetters.RetryAsync(selection, false, _harness.Admin, CancellationToken.None);

        Assert.Equal(new DeadLetterDecision(1, 1), retried.Value);
        await Eventually.MatchesAsync(() => _harness.StoredAsync(failed.Id), t => t.State == TargetState.Published, TimeSpan.FromSeconds(20), "the failed target to publish");
        var feed = (await _harness.App.Get<SandboxPlatform>().FeedAsync(100, CancellationToken.None)).Where(p => p.Text == "Half refused").ToList();
        Assert.Equal(["@second", "@team"], feed.Select(p => p.Handle).Order());
        var untouched = await _harness.StoredAsync(done.Id);
        Assert.Equal((1, done.PublishedUtc, done.StateChangedUtc), (untouched.AttemptCount, untouched.PublishedUtc, untouched.StateChangedUtc));
        Assert.Equal(0, await _harness.AuditCountAsync("target.retried", done.Id));
    }

    [Fact]
    public async Task MoveToDraftAsync_FailedTarget_BecomesADraftAndLeavesTheList()
    {
        var refused = await _harness.FailedAsync("Back to the drawing board", SandboxFailureMode.Rejected);

        var drafted = await DeadLetters.MoveToDraftAsync([await _harness.SeenAsync(refused.TargetId)], _harness.Admin, CancellationToken.None);

        Assert.Equal(new DeadLetterDecision(1, 0), drafted.Value);
        var stored = await _harness.StoredAsync(refused.TargetId);
        Assert.Equal((TargetState.Draft, null), (stored.State, stored.LastError));
        Assert.Empty(await _harness.DeadLettersAsync());
        Assert.Equal(1, await _harness.AuditCountAsync("target.drafted", refused.TargetId));
    }

    [Fact]
    public async Task MarkPublishedAsync_OutcomeUnknownFoundOnThePlatform_IsPublishedWithTheLink()
    {
        var unknown = await _harness.OutcomeUnknownAsync("It was there after all");

        var marked = await DeadLetters.MarkPublishedAsync([await _harness.SeenAsync(unknown)], "https://example.com/p/1", _harness.Admin, CancellationToken.None);

        Assert.Equal(new DeadLetterDecision(1, 0), marked.Value);
        var stored = await _harness.StoredAsync(unknown);
        Assert.Equal((TargetState.Published, "https://example.com/p/1", (FailureKind?)null), (stored.State, stored.PlatformUrl, stored.LastFailureKind));
        Assert.NotNull(stored.PublishedUtc);
        Assert.Equal(1, await _harness.AuditCountAsync("target.marked-published", unknown));
        Assert.Equal(0, await _harness.FeedCountAsync("It was there after all"));
    }

    [Fact]
    public async Task MarkPublishedAsync_FailedTarget_IsLeftAlone()
    {
        var refused = await _harness.FailedAsync("Refused, not unknown", SandboxFailureMode.Rejected);

        var marked = await DeadLetters.MarkPublishedAsync([await _harness.SeenAsync(refused.TargetId)], null, _harness.Admin, CancellationToken.None);

        Assert.Equal(new DeadLetterDecision(0, 1), marked.Value);
        Assert.Equal(TargetState.Failed, (await _harness.StoredAsync(refused.TargetId)).State);
    }

    [Fact]
    public async Task RetryAsync_OutcomeUnknownBeforeThePlatformWasChecked_IsRefusedThenAllowed()
    {
        var unknown = await _harness.OutcomeUnknownAsync("Did it or didn't it");
        var seen = await _harness.SeenAsync(unknown);

        var refused = await DeadLetters.RetryAsync([seen], false, _harness.Admin, CancellationToken.None);

        Assert.Contains(DeadLetterService.CheckedPlatformLabel, refused.Error, StringComparison.Ordinal);
        Assert.Equal(TargetState.NeedsAttention, (await _harness.StoredAsync(unknown)).State);

        var retried = await DeadLetters.RetryAsync([seen], true, _harness.Admin, CancellationToken.None);

        Assert.Equal(new DeadLetterDecision(1, 0), retried.Value);
        await Eventually.MatchesAsync(() => _harness.StoredAsync(unknown), t => t.State == TargetState.Published, TimeSpan.FromSeconds(20), "the checked target to publish");
        Assert.Equal(1, await _harness.FeedCountAsync("Did it or didn't it"));
    }

    [Fact]
    public async Task RetryAsync_TwoPeopleAtOnce_ActsOnce()
    {
        var refused = await _harness.FailedAsync("Two clicks, one post", SandboxFailureMode.Rejected);
        var seen = await _harness.SeenAsync(refused.TargetId);
        var editor = await _harness.PersonAsync(Roles.Editor);

        var both = await Task.WhenAll(
            Task.Run(() => DeadLetters.RetryAsync([seen], false, _harness.Admin, CancellationToken.None)),
            Task.Run(() => DeadLetters.RetryAsync([seen], false, editor, CancellationToken.None)));

        Assert.All(both, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal([0, 1], both.Select(r => r.Value.Acted).Order());
        await _harness.WaitForTargetAsync(refused.PostId, s => s == TargetState.Published);
        await Task.Delay(1000);
        Assert.Equal(1, await _harness.FeedCountAsync("Two clicks, one post"));
        Assert.Equal(1, await _harness.AuditCountAsync("target.retried", refused.TargetId));
        Assert.Equal(2, (await _harness.StoredAsync(refused.TargetId)).AttemptCount);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Contributor)]
    public async Task Decisions_ByARoleThatMayNotPublish_AreRefusedWithAMessage(string role)
    {
        var refused = await _harness.FailedAsync("Not yours to decide", SandboxFailureMode.Rejected);
        var person = await _harness.PersonAsync(role);
        SeenTarget[] seen = [await _harness.SeenAsync(refused.TargetId)];

        var results = new[]
        {
            (await DeadLetters.RetryAsync(seen, true, person, CancellationToken.None)).Error,
            (await DeadLetters.MoveToDraftAsync(seen, person, CancellationToken.None)).Error,
            (await DeadLetters.MarkPublishedAsync(seen, null, person, CancellationToken.None)).Error,
        };

        Assert.All(results, error => Assert.Contains("Only Editors and Admins", error, StringComparison.Ordinal));
        Assert.Equal(TargetState.Failed, (await _harness.StoredAsync(refused.TargetId)).State);
    }
}
