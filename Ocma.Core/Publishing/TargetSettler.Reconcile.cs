using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Connectors;
using Ocma.Core.Live;
using Ocma.Core.Posts;

namespace Ocma.Core.Publishing;

/// <summary>What happens after a send whose outcome is unknown, by what the look-up said (ADR 0014).</summary>
public sealed partial class TargetSettler
{
    /// <summary>Kept on an in-flight attempt whose first look-up found nothing on a platform where that proves nothing yet.</summary>
    internal const string MissedOnceNote = "Looked up once: not found yet.";

    /// <summary>What the platform said about a send that is being looked up again, or null for a send cut short by a crash.</summary>
    internal static string? FirstLookNote(string? attemptMessage) =>
        attemptMessage?.StartsWith(MissedOnceNote, StringComparison.Ordinal) == true ? attemptMessage[MissedOnceNote.Length..].Trim() : null;

    /// <summary>
    /// Found on the platform → published. Not found where a miss is proof (<paramref name="missIsProof"/>) → sent again at
    /// once. Not found elsewhere → looked up once more after a wait, then a person decides. No answer → asked again, then a person decides.
    /// </summary>
    public async Task ReconcileAsync(PostTarget snapshot, long attemptId, ConnectorFailure? unknown, ConnectorResult<PublishedPost?> lookup, bool missIsProof, CancellationToken cancellationToken)
    {
        await SettleByLookupAsync(snapshot, attemptId, unknown, lookup, missIsProof, cancellationToken);

        // The channel's health follows what the platform showed: a post found there is a success, an error it answered with
        // (5xx, unavailable) is an outage; an answer that never came says nothing about the channel.
        if (lookup is { Succeeded: true, Value: not null })
        {
            await channelHealth.RecordPublishAsync(snapshot.ChannelId, null, cancellationToken);
        }
        else if (unknown is { Kind: FailureKind.Transient or FailureKind.Unavailable or FailureKind.RateLimited })
        {
            await channelHealth.RecordPublishAsync(snapshot.ChannelId, unknown, cancellationToken);
        }
    }

    private async Task SettleByLookupAsync(PostTarget snapshot, long attemptId, ConnectorFailure? unknown, ConnectorResult<PublishedPost?> lookup, bool missIsProof, CancellationToken cancellationToken)
    {
        if (lookup.Succeeded && lookup.Value is PublishedPost found)
        {
            await PublishedAsync(snapshot, attemptId, found, AttemptOutcome.FoundOnPlatform, cancellationToken);
            return;
        }

        if (lookup.Succeeded && missIsProof)
        {
            // Proved not stored. A platform that answered with an error keeps its backoff (it is struggling); a send whose
            // answer was lost (a reset, a timeout, a crash) goes again at once.
            var answered = unknown is { Kind: FailureKind.Transient or FailureKind.Unavailable or FailureKind.RateLimited };
            var notThere = answered
                ? unknown!
                : new ConnectorFailure(FailureKind.Transient, $"The platform has no trace of the post ({unknown?.Message}), so it is sent again now.", RetryAfter: TimeSpan.Zero);
            await FailedAsync(snapshot, attemptId, notThere, retryPolicy.Decide(notThere, snapshot.AttemptCount + 1, snapshot.DueUtc ?? Now, Now), cancellationToken);
            return;
        }

        if (lookup.Succeeded && !await MissedBeforeAsync(attemptId, cancellationToken))
        {
            await LookAgainLaterAsync(snapshot, attemptId, unknown, Now + retryPolicy.LookAgainAfter, cancellationToken);
            return;
        }

        if (lookup.Succeeded)
        {
            var mayHave = $"The post may have been published: the platform did not confirm it ({unknown?.Message}) and its timeline does not show it yet. Check the channel, then Mark as published or Retry these.";
            await FailedAsync(snapshot, attemptId, new ConnectorFailure(FailureKind.OutcomeUnknown, mayHave), RetryDecision.NeedsPerson(mayHave), cancellationToken);
            return;
        }

        if (IsWorthAskingAgain(lookup.Failure!.Kind) && await AskAgainAtAsync(attemptId, cancellationToken) is DateTime askAt)
        {
            await CheckAgainLaterAsync(snapshot, lookup.Failure, askAt, cancellationToken);
            return;
        }

        var reason = lookup.Failure.Kind == FailureKind.Misconfigured
            // The platform refuses to show its posts (a missing read permission, an access tier): asking again will not help.
            ? $"Ocma cannot check whether this post went out: {lookup.Failure.Message.TrimEnd('.')}. The platform did not confirm the send ({unknown?.Message.TrimEnd('.')}), so it may have been published. Check the channel, then Mark as published or Retry these."
            : $"The post may have been published: the platform did not confirm it ({unknown?.Message}) and Ocma could not check ({lookup.Failure.Message}). Check the channel, then Mark as published or Retry these.";
        // Recorded as OutcomeUnknown whatever the lookup said: a held AuthRevoked target is resent on reconnect, this one must not be.
        await FailedAsync(snapshot, attemptId, new ConnectorFailure(FailureKind.OutcomeUnknown, lookup.Failure.Message), RetryDecision.NeedsPerson(reason), cancellationToken);
    }

    private async Task<bool> MissedBeforeAsync(long attemptId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PublishAttempts.AnyAsync(a => a.Id == attemptId && a.Outcome == AttemptOutcome.InFlight && a.Message != null && a.Message.StartsWith(MissedOnceNote), cancellationToken);
    }

    /// <summary>The attempt stays in flight with a note, so the next worker looks it up again and, on a second miss, asks a person.</summary>
    private async Task LookAgainLaterAsync(PostTarget snapshot, long attemptId, ConnectorFailure? unknown, DateTime lookAt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var claim = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await TakeFromClaimAsync(db, snapshot.Id, snapshot.ClaimId, cancellationToken) is not PostTarget target)
        {
            return; // settled or re-claimed by someone else: their write stands
        }

        var attempt = await db.PublishAttempts.SingleAsync(a => a.Id == attemptId, cancellationToken);
        attempt.Message = (MissedOnceNote + " " + unknown?.Message).TrimEnd(); // the second look tells a person what the platform said
        target.State = TargetState.Retrying;
        target.StateChangedUtc = Now;
        target.NextAttemptUtc = lookAt;
        target.LastError = "The platform did not confirm the send and does not show the post yet; Ocma looks again shortly before deciding.";
        target.LastFailureKind = FailureKind.OutcomeUnknown;
        audit.Add(db, Actor.System, "target.reconcile-later", $"post {target.PostId} target {target.Id}", MissedOnceNote);
        await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, target.LastError, null));
        await dispatch.ArmAsync(lookAt, cancellationToken);
    }

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
        await using var claim = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await TakeFromClaimAsync(db, snapshot.Id, snapshot.ClaimId, cancellationToken) is not PostTarget target)
        {
            return; // settled or re-claimed by someone else: their write stands
        }

        target.State = TargetState.Retrying;
        target.StateChangedUtc = Now;
        target.NextAttemptUtc = askAt;
        target.LastError = $"Checking with the platform whether the post went out; it did not answer ({lookupFailure.Message}).";
        target.LastFailureKind = FailureKind.OutcomeUnknown;
        audit.Add(db, Actor.System, "target.reconcile-later", $"post {target.PostId} target {target.Id}", lookupFailure.Message);
        await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
        await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, target.LastError, null));
        await dispatch.ArmAsync(askAt, cancellationToken);
    }

}
