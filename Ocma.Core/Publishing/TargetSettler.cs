using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Posts;

namespace Ocma.Core.Publishing;

/// <summary>Writes what happened to a target: the attempt ledger, the new state with its reason, the audit event and the live update.</summary>
public sealed class TargetSettler(
    IDbContextFactory<OcmaDbContext> dbFactory,
    RetryPolicy retryPolicy,
    CredentialsService credentials,
    ChannelHealthRecorder channelHealth,
    DispatchTrigger dispatch,
    AuditLog audit,
    LiveStatus live,
    TimeProvider time)
{
    /// <summary>How long Ocma keeps asking a platform about a send whose answer was lost before a person must decide.</summary>
    public static readonly TimeSpan ReconcileWindow = TimeSpan.FromMinutes(10);

    /// <summary>Records that a send is about to leave. Written before the request, so a crash mid-send is visible.</summary>
    public async Task<long> OpenAttemptAsync(int targetId, string fingerprint, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PostTargets.SingleAsync(t => t.Id == targetId, cancellationToken);
        target.AttemptCount++;
        var attempt = new PublishAttempt
        {
            TargetId = targetId,
            Number = target.AttemptCount,
            StartedUtc = Now,
            RequestFingerprint = fingerprint,
            Outcome = AttemptOutcome.InFlight,
        };
        db.PublishAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        return attempt.Id;
    }

    public async Task CloseAttemptAsync(long attemptId, ConnectorResult<PublishedPost> result, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Close(await db.PublishAttempts.SingleAsync(a => a.Id == attemptId, cancellationToken), result.Failure, result.Succeeded ? AttemptOutcome.Published : AttemptOutcome.Failed);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Settles a target after a send (or after it could not be sent at all, when <paramref name="attemptId"/> is null).</summary>
    public async Task SettleAsync(PostTarget snapshot, long? attemptId, ConnectorResult<PublishedPost> result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            await PublishedAsync(snapshot, attemptId, result.Value, AttemptOutcome.Published, cancellationToken);
        }
        else
        {
            var failure = result.Failure!;
            var decision = retryPolicy.Decide(failure, snapshot.AttemptCount + (attemptId is null ? 0 : 1), snapshot.DueUtc ?? Now, Now);
            if (failure.Kind == FailureKind.AuthRevoked)
            {
                await credentials.MarkNeedsReconnectAsync(snapshot.ChannelId, failure.Message, cancellationToken);
            }

            await FailedAsync(snapshot, attemptId, failure, decision, cancellationToken);
        }

        // The channel's health follows what sending to it just showed, not only the last probe (after the target's own truth is written).
        await channelHealth.RecordPublishAsync(snapshot.ChannelId, result.Failure, cancellationToken);
    }

    /// <summary>After an unknown outcome: found on the platform → published; not there → retried safely; no answer → a person decides.</summary>
    public async Task ReconcileAsync(PostTarget snapshot, long attemptId, ConnectorFailure? unknown, ConnectorResult<PublishedPost?> lookup, CancellationToken cancellationToken)
    {
        if (lookup.Succeeded && lookup.Value is PublishedPost found)
        {
            await PublishedAsync(snapshot, attemptId, found, AttemptOutcome.FoundOnPlatform, cancellationToken);
            return;
        }

        if (lookup.Succeeded)
        {
            var notThere = new ConnectorFailure(FailureKind.Transient, "The send was interrupted and the platform has no trace of the post, so it will be sent again.");
            await FailedAsync(snapshot, attemptId, notThere, retryPolicy.Decide(notThere, snapshot.AttemptCount + 1, snapshot.DueUtc ?? Now, Now), cancellationToken);
            return;
        }

        if (IsWorthAskingAgain(lookup.Failure!.Kind) && await AskAgainAtAsync(attemptId, cancellationToken) is DateTime askAt)
        {
            await CheckAgainLaterAsync(snapshot, lookup.Failure, askAt, cancellationToken);
            return;
        }

        var reason = $"The platform did not confirm whether the post went out ({unknown?.Message}); looking it up failed too ({lookup.Failure.Message}). Check the channel, then mark it published or send it again.";
        // Recorded as OutcomeUnknown whatever the lookup said: a held AuthRevoked target is resent on reconnect, this one must not be.
        await FailedAsync(snapshot, attemptId, unknown ?? new ConnectorFailure(FailureKind.OutcomeUnknown, lookup.Failure.Message), RetryDecision.NeedsPerson(reason), cancellationToken);
    }

    /// <summary>Puts a target back without sending it (no attempt is recorded): its channel or platform must not be sent to before <paramref name="hold"/> ends.</summary>
    public async Task HoldAsync(PostTarget snapshot, SendHold hold, CancellationToken cancellationToken)
    {
        if (retryPolicy.HoldOutlivesMaxAge(snapshot.DueUtc ?? Now, hold.UntilUtc, hold.Reason) is string tooOld)
        {
            await FailedAsync(snapshot, null, new ConnectorFailure(hold.Kind, hold.Reason), RetryDecision.GiveUp(tooOld), cancellationToken);
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PostTargets.SingleAsync(t => t.Id == snapshot.Id, cancellationToken);
        target.State = TargetState.Retrying;
        target.StateChangedUtc = Now;
        target.NextAttemptUtc = hold.UntilUtc;
        target.LastError = hold.Reason;
        target.LastFailureKind = hold.Kind;
        target.ClaimId = null;
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, target.LastError, null));
        await dispatch.ArmAsync(hold.UntilUtc, cancellationToken);
    }

    /// <summary>A bug stopped the publisher mid-way: a person decides, because the post may or may not have gone out.</summary>
    public async Task InternalErrorAsync(int targetId, CancellationToken cancellationToken)
    {
        const string reason = "Ocma hit an internal error while publishing (see the server log). Check the channel before sending it again.";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PostTargets.SingleOrDefaultAsync(t => t.Id == targetId && t.State == TargetState.Publishing, cancellationToken);
        if (target is null)
        {
            return;
        }

        target.State = TargetState.NeedsAttention;
        target.StateChangedUtc = Now;
        target.LastError = reason;
        target.LastFailureKind = FailureKind.OutcomeUnknown; // it may or may not have gone out
        target.ClaimId = null;
        audit.Add(db, Actor.System, "target.needsattention", $"post {target.PostId} target {target.Id}", reason);
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, reason, null));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>A lookup that could not be asked (timeout, 5xx, 429) is asked again; a platform that answers "I can't tell" is not.</summary>
    private static bool IsWorthAskingAgain(FailureKind kind) =>
        kind is FailureKind.Transient or FailureKind.Unavailable or FailureKind.RateLimited or FailureKind.OutcomeUnknown or FailureKind.AuthExpired;

    /// <summary>When to look again: backing off from 5 s to a minute, for at most <see cref="ReconcileWindow"/> after the send.</summary>
    private async Task<DateTime?> AskAgainAtAsync(long attemptId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var started = await db.PublishAttempts.Where(a => a.Id == attemptId).Select(a => a.StartedUtc).SingleAsync(cancellationToken);
        var elapsed = Now - started;
        return elapsed >= ReconcileWindow ? null : Now + TimeSpan.FromSeconds(Math.Clamp(elapsed.TotalSeconds / 4, 5, 60));
    }

    /// <summary>The attempt stays open (its outcome is still unknown), so the next worker looks it up before anything else.</summary>
    private async Task CheckAgainLaterAsync(PostTarget snapshot, ConnectorFailure lookupFailure, DateTime askAt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PostTargets.SingleAsync(t => t.Id == snapshot.Id, cancellationToken);
        target.State = TargetState.Retrying;
        target.StateChangedUtc = Now;
        target.NextAttemptUtc = askAt;
        target.LastError = $"Checking with the platform whether the post went out; it did not answer ({lookupFailure.Message}).";
        target.LastFailureKind = FailureKind.OutcomeUnknown;
        target.ClaimId = null;
        audit.Add(db, Actor.System, "target.reconcile-later", $"post {target.PostId} target {target.Id}", lookupFailure.Message);
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, target.LastError, null));
        await dispatch.ArmAsync(askAt, cancellationToken);
    }

    private async Task PublishedAsync(PostTarget snapshot, long? attemptId, PublishedPost post, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PostTargets.SingleAsync(t => t.Id == snapshot.Id, cancellationToken);
        if (attemptId is long id)
        {
            Close(await db.PublishAttempts.SingleAsync(a => a.Id == id, cancellationToken), null, outcome);
        }

        target.State = TargetState.Published;
        target.StateChangedUtc = Now;
        target.PublishedUtc = Now;
        target.PlatformPostId = post.PlatformPostId;
        target.PlatformUrl = PlatformLink.Storable(post.Url);
        target.LastError = null;
        target.LastFailureKind = null;
        target.NextAttemptUtc = null;
        target.ClaimId = null;
        audit.Add(db, Actor.System, "target.published", $"post {target.PostId} target {target.Id}", $"platform id {post.PlatformPostId}");
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, null, target.PlatformUrl));
    }

    private async Task FailedAsync(PostTarget snapshot, long? attemptId, ConnectorFailure failure, RetryDecision decision, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.PostTargets.SingleAsync(t => t.Id == snapshot.Id, cancellationToken);
        if (attemptId is long id)
        {
            var attempt = await db.PublishAttempts.SingleAsync(a => a.Id == id, cancellationToken);
            Close(attempt, failure, AttemptOutcome.Failed);
            attempt.RetryAfterUtc = failure.RetryAfter is TimeSpan wait ? Now + wait : null;
        }

        target.State = decision.Action switch
        {
            RetryAction.Retry => TargetState.Retrying,
            RetryAction.NeedsAttention => TargetState.NeedsAttention,
            _ => TargetState.Failed,
        };
        target.StateChangedUtc = Now;
        target.NextAttemptUtc = decision.NextAttemptUtc;
        target.LastError = decision.Reason;
        target.LastFailureKind = failure.Kind;
        target.ClaimId = null;
        audit.Add(db, Actor.System, "target." + target.State.ToString().ToLowerInvariant(), $"post {target.PostId} target {target.Id}", $"{failure.Kind}: {decision.Reason}");
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, target.LastError, null));
        if (decision.NextAttemptUtc is DateTime next)
        {
            await dispatch.ArmAsync(next, cancellationToken);
        }
    }

    private void Close(PublishAttempt attempt, ConnectorFailure? failure, AttemptOutcome outcome)
    {
        attempt.FinishedUtc = Now;
        attempt.Outcome = outcome;
        attempt.FailureKind = failure?.Kind;
        attempt.PlatformCode = failure?.PlatformCode;
        attempt.Message = failure?.Message;
    }
}
