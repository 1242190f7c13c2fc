using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Posts;

namespace Ocma.Core.Publishing;

/// <summary>Writes what happened to a target: the attempt ledger, the new state with its reason, the audit event and the live update.</summary>
public sealed partial class TargetSettler(
    IDbContextFactory<OcmaDbContext> dbFactory,
    RetryPolicy retryPolicy,
    CredentialsService credentials,
    ChannelHealthRecorder channelHealth,
    DispatchTrigger dispatch,
    AuditLog audit,
    LiveStatus live,
    LedgerDurability durability,
    TimeProvider time)
{
    /// <summary>How long Ocma keeps asking a platform about a send whose answer was lost before a person must decide.</summary>
    public static readonly TimeSpan ReconcileWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Records that a send is about to leave, durably (see <see cref="LedgerDurability"/>), and only while the target is
    /// still Publishing under <paramref name="claimId"/>. Null when the claim was lost: the caller must not send.
    /// </summary>
    public async Task<long?> OpenAttemptAsync(int targetId, Guid? claimId, string fingerprint, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var durable = await durability.BeginAsync(db, cancellationToken);
        var counted = await db.PostTargets.Where(t => t.Id == targetId && t.State == TargetState.Publishing && t.ClaimId == claimId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AttemptCount, t => t.AttemptCount + 1), cancellationToken);
        if (counted == 0)
        {
            return null;
        }

        var attempt = new PublishAttempt
        {
            TargetId = targetId,
            Number = await db.PostTargets.Where(t => t.Id == targetId).Select(t => t.AttemptCount).SingleAsync(cancellationToken),
            StartedUtc = Now,
            RequestFingerprint = fingerprint,
            Outcome = AttemptOutcome.InFlight,
        };
        db.PublishAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        await durable.CommitAsync(cancellationToken);
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

    /// <summary>Puts a target back without sending it (no attempt is recorded): its channel or platform must not be sent to before <paramref name="hold"/> ends.</summary>
    public async Task HoldAsync(PostTarget snapshot, SendHold hold, CancellationToken cancellationToken)
    {
        if (retryPolicy.HoldOutlivesMaxAge(snapshot.DueUtc ?? Now, hold.UntilUtc, hold.Reason) is string tooOld)
        {
            await FailedAsync(snapshot, null, new ConnectorFailure(hold.Kind, hold.Reason), RetryDecision.GiveUp(tooOld), cancellationToken);
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var claim = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await TakeFromClaimAsync(db, snapshot.Id, snapshot.ClaimId, cancellationToken) is not PostTarget target)
        {
            return; // settled or re-claimed by someone else: their write stands
        }

        target.State = TargetState.Retrying;
        target.StateChangedUtc = Now;
        target.NextAttemptUtc = hold.UntilUtc;
        target.LastError = hold.Reason;
        target.LastFailureKind = hold.Kind;
        await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, target.LastError, null));
        await dispatch.ArmAsync(hold.UntilUtc, cancellationToken);
    }

    /// <summary>A bug stopped the publisher mid-way: a person decides, because the post may or may not have gone out.</summary>
    public async Task InternalErrorAsync(int targetId, Guid claimId, CancellationToken cancellationToken)
    {
        const string reason = "Ocma hit an internal error while publishing (see the server log). Check the channel before sending it again.";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var claim = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await TakeFromClaimAsync(db, targetId, claimId, cancellationToken) is not PostTarget target)
        {
            return;
        }

        target.State = TargetState.NeedsAttention;
        target.StateChangedUtc = Now;
        target.LastError = reason;
        target.LastFailureKind = FailureKind.OutcomeUnknown; // it may or may not have gone out
        audit.Add(db, Actor.System, "target.needsattention", $"post {target.PostId} target {target.Id}", reason);
        await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, reason, null));
    }

    /// <summary>
    /// The compare-and-set every settling write starts with (inside its transaction): the target is released from its
    /// claim only while it is still Publishing under <paramref name="claimId"/>; null when someone else settled or re-claimed it.
    /// </summary>
    private static async Task<PostTarget?> TakeFromClaimAsync(OcmaDbContext db, int targetId, Guid? claimId, CancellationToken cancellationToken)
    {
        var released = await db.PostTargets.Where(t => t.Id == targetId && t.State == TargetState.Publishing && t.ClaimId == claimId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimId, (Guid?)null), cancellationToken);
        return released == 1 ? await db.PostTargets.SingleAsync(t => t.Id == targetId, cancellationToken) : null;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task PublishedAsync(PostTarget snapshot, long? attemptId, PublishedPost post, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var claim = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await TakeFromClaimAsync(db, snapshot.Id, snapshot.ClaimId, cancellationToken) is not PostTarget target)
        {
            return; // settled or re-claimed by someone else: their write stands
        }

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
        audit.Add(db, Actor.System, "target.published", $"post {target.PostId} target {target.Id}", $"platform id {post.PlatformPostId}");
        await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, null, target.PlatformUrl));
    }

    private async Task FailedAsync(PostTarget snapshot, long? attemptId, ConnectorFailure failure, RetryDecision decision, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var claim = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await TakeFromClaimAsync(db, snapshot.Id, snapshot.ClaimId, cancellationToken) is not PostTarget target)
        {
            return; // settled or re-claimed by someone else: their write stands
        }

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
        audit.Add(db, Actor.System, "target." + target.State.ToString().ToLowerInvariant(), $"post {target.PostId} target {target.Id}", $"{failure.Kind}: {decision.Reason}");
        await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
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
