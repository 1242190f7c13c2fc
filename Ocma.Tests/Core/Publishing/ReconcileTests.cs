using Microsoft.EntityFrameworkCore;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;

namespace Ocma.Tests.Core.Publishing;

/// <summary>After a send whose answer was lost: a lookup that could not be asked is asked again; the attempt stays open meanwhile.</summary>
public sealed class ReconcileTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Reconcile_LookupTimedOut_ChecksAgainLaterAndKeepsTheAttemptOpen()
    {
        var (snapshot, attemptId) = await ClaimedWithOpenAttemptAsync("Was it sent?");

        await _harness.App.Get<TargetSettler>().ReconcileAsync(snapshot, attemptId, new ConnectorFailure(FailureKind.OutcomeUnknown, "No answer."),
            ConnectorResult<PublishedPost?>.Fail(FailureKind.Transient, "The lookup timed out."), missIsProof: true, CancellationToken.None);

        await using var db = await _harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var target = await db.PostTargets.AsNoTracking().SingleAsync(t => t.Id == snapshot.Id);
        Assert.Equal(TargetState.Retrying, target.State);
        Assert.StartsWith("Checking with the platform whether the post went out", target.LastError, StringComparison.Ordinal);
        Assert.InRange(target.NextAttemptUtc!.Value, DateTime.UtcNow.AddSeconds(1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(AttemptOutcome.InFlight, (await db.PublishAttempts.AsNoTracking().SingleAsync(a => a.Id == attemptId)).Outcome);
    }

    [Fact]
    public async Task Reconcile_WhenTheNextWorkerFindsThePost_PublishesWithoutSendingAgain()
    {
        var (snapshot, attemptId) = await ClaimedWithOpenAttemptAsync("Found on the second look");
        await _harness.App.Get<TargetSettler>().ReconcileAsync(snapshot, attemptId, new ConnectorFailure(FailureKind.OutcomeUnknown, "No answer."),
            ConnectorResult<PublishedPost?>.Fail(FailureKind.Unavailable, "The lookup failed."), missIsProof: true, CancellationToken.None);

        // The platform never got the post, so the second look says "not there" and the target is sent once.
        await using (var db = await _harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            await db.PostTargets.Where(t => t.Id == snapshot.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.NextAttemptUtc, DateTime.UtcNow));
        }

        await _harness.App.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None);
        var settled = await _harness.WaitForTargetAsync(snapshot.PostId, s => s == TargetState.Published);

        Assert.Equal(1, await _harness.FeedCountAsync("Found on the second look"));
        Assert.Equal(2, settled.AttemptCount);
    }

    [Fact]
    public async Task Reconcile_MissWhereAMissIsProof_IsSentAgainAtOnce()
    {
        // Retries back off for an hour here, so only a resend "at once" can publish within the wait.
        await using var slowRetries = await PublishingHarness.StartAsync(new Dictionary<string, string?> { ["Publishing:FirstRetryDelay"] = "01:00:00" });
        var (snapshot, attemptId) = await ClaimedWithOpenAttemptAsync(slowRetries, "Proved not stored");

        await slowRetries.App.Get<TargetSettler>().ReconcileAsync(snapshot, attemptId, new ConnectorFailure(FailureKind.OutcomeUnknown, "The connection was reset."),
            ConnectorResult<PublishedPost?>.Success(null), missIsProof: true, CancellationToken.None);
        await slowRetries.App.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None);

        var published = await slowRetries.WaitForTargetAsync(snapshot.PostId, s => s == TargetState.Published);
        Assert.Equal(2, published.AttemptCount);
        Assert.Equal(1, await slowRetries.FeedCountAsync("Proved not stored"));
        var (_, attempt) = await ReadAsync(slowRetries, snapshot.Id, attemptId);
        Assert.Equal(AttemptOutcome.Failed, attempt.Outcome);
    }

    [Fact]
    public async Task Reconcile_MissWithoutIdempotency_LooksAgainThenAsksAPerson()
    {
        var (snapshot, attemptId) = await ClaimedWithOpenAttemptAsync("Maybe on the timeline");
        var unknown = new ConnectorFailure(FailureKind.Transient, "HTTP 500.");

        await Settler.ReconcileAsync(snapshot, attemptId, unknown, ConnectorResult<PublishedPost?>.Success(null), missIsProof: false, CancellationToken.None);
        var (waiting, open) = await ReadAsync(snapshot.Id, attemptId);
        Assert.Equal(TargetState.Retrying, waiting.State);
        Assert.Equal(AttemptOutcome.InFlight, open.Outcome);
        Assert.True(waiting.NextAttemptUtc > DateTime.UtcNow, "waits before the second look-up");

        await using (var db = await _harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            await db.PostTargets.Where(t => t.Id == snapshot.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Publishing)); // claimed again
        }

        await Settler.ReconcileAsync(waiting, attemptId, unknown, ConnectorResult<PublishedPost?>.Success(null), missIsProof: false, CancellationToken.None);
        var (held, closed) = await ReadAsync(snapshot.Id, attemptId);
        Assert.Equal(TargetState.NeedsAttention, held.State);
        Assert.Contains("may have been published", held.LastError, StringComparison.Ordinal);
        Assert.Contains("Mark as published", held.LastError, StringComparison.Ordinal);
        Assert.Equal(AttemptOutcome.Failed, closed.Outcome);
        Assert.Equal(0, await _harness.FeedCountAsync("Maybe on the timeline"));
    }

    private TargetSettler Settler => _harness.App.Get<TargetSettler>();

    private Task<(PostTarget Target, PublishAttempt Attempt)> ReadAsync(int targetId, long attemptId) => ReadAsync(_harness, targetId, attemptId);

    private static async Task<(PostTarget Target, PublishAttempt Attempt)> ReadAsync(PublishingHarness harness, int targetId, long attemptId)
    {
        await using var db = await harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return (await db.PostTargets.AsNoTracking().SingleAsync(t => t.Id == targetId), await db.PublishAttempts.AsNoTracking().SingleAsync(a => a.Id == attemptId));
    }

    private Task<(PostTarget Snapshot, long AttemptId)> ClaimedWithOpenAttemptAsync(string text) => ClaimedWithOpenAttemptAsync(_harness, text);

    private static async Task<(PostTarget Snapshot, long AttemptId)> ClaimedWithOpenAttemptAsync(PublishingHarness harness, string text)
    {
        var post = await harness.ComposeAsync(text, ComposeMode.Schedule, DateTime.UtcNow.AddDays(1));
        var targetId = post.Value.Targets.Single().Id;
        await using var db = await harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        await db.PostTargets.Where(t => t.Id == targetId).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Publishing));
        var attemptId = (await harness.App.Get<TargetSettler>().OpenAttemptAsync(targetId, null, "test", CancellationToken.None))!.Value;
        return (await db.PostTargets.AsNoTracking().SingleAsync(t => t.Id == targetId), attemptId);
    }
}
