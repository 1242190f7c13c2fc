using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Posts;

namespace Ocma.Core.Publishing;

/// <summary>
/// The posts that did not go out (Failed, NeedsAttention), grouped by cause, and the decisions a person makes about
/// them. Every decision is a conditional update from the state the person saw, so two people acting at once act
/// once; only targets that never published are touched, so a post's published targets are never resent.
/// </summary>
public sealed class DeadLetterService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    DispatchTrigger dispatch,
    AuditLog audit,
    LiveStatus live,
    TimeProvider time)
{
    public const string CheckedPlatformLabel = "I checked the platform and it is not there";

    public async Task<IReadOnlyList<DeadLetterGroup>> ListAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PostTargets.AsNoTracking()
            .Where(t => t.Post!.BrandId == brandId && (t.State == TargetState.Failed || t.State == TargetState.NeedsAttention))
            .OrderByDescending(t => t.StateChangedUtc).ThenByDescending(t => t.Id)
            .Select(t => new DeadLetter(
                t.Id,
                t.PostId,
                t.VariantText ?? t.Post!.Text,
                t.ChannelId,
                (t.Channel!.Handle ?? t.Channel.DisplayName) + " · " + t.Channel.PlatformKey,
                t.Channel.PlatformKey,
                t.Channel.Status != ChannelStatus.Active,
                t.State,
                t.LastFailureKind,
                t.LastError,
                db.PublishAttempts.Where(a => a.TargetId == t.Id).Max(a => (DateTime?)a.StartedUtc),
                t.StateChangedUtc))
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => DeadLetterCauses.Of(r.Kind)).OrderBy(g => g.Key)
            .Select(g => new DeadLetterGroup(g.Key, g.ToList())).ToList();
    }

    /// <summary>Sends the targets again now. One whose outcome is unknown only after the person checked the platform.</summary>
    public async Task<Result<DeadLetterDecision>> RetryAsync(IReadOnlyList<SeenTarget> targets, bool checkedPlatform, Actor actor, CancellationToken cancellationToken)
    {
        if (Refusal(targets, actor) is string refusal)
        {
            return Result.Fail<DeadLetterDecision>(refusal);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = targets.Select(t => t.TargetId).ToList();
        var current = await db.PostTargets.AsNoTracking()
            .Where(t => ids.Contains(t.Id) && (t.State == TargetState.Failed || t.State == TargetState.NeedsAttention))
            .Select(t => new { t.LastFailureKind, t.Channel!.Status, Label = t.Channel.Handle ?? t.Channel.DisplayName })
            .ToListAsync(cancellationToken);
        if (!checkedPlatform && current.Any(t => t.LastFailureKind == FailureKind.OutcomeUnknown))
        {
            return Result.Fail<DeadLetterDecision>($"Some of these may already be on the platform. Look for them on the channel first; if they are not there, tick \"{CheckedPlatformLabel}\" and retry.");
        }

        var blocked = current.Where(t => t.Status != ChannelStatus.Active).Select(t => t.Label).Distinct().ToList();
        if (blocked.Count > 0)
        {
            return Result.Fail<DeadLetterDecision>($"Reconnect {string.Join(", ", blocked)} first: without working access a retry fails again. Posts held for a reconnect go out on their own once it is back.");
        }

        var now = Now;
        var decision = await DecideAsync(db, targets, [TargetState.Failed, TargetState.NeedsAttention], TargetState.Scheduled,
            s => s.SetProperty(t => t.DueUtc, now).SetProperty(t => t.NextAttemptUtc, (DateTime?)null).SetProperty(t => t.LastError, (string?)null),
            actor, "target.retried", checkedPlatform ? "Sent again; the person checked the platform first." : "Sent again.", cancellationToken);
        if (decision.Acted > 0)
        {
            await dispatch.ArmAsync(now, cancellationToken);
        }

        return decision;
    }

    /// <summary>Takes the targets off the publishing path so the post can be edited and scheduled again.</summary>
    public async Task<Result<DeadLetterDecision>> MoveToDraftAsync(IReadOnlyList<SeenTarget> targets, Actor actor, CancellationToken cancellationToken)
    {
        if (Refusal(targets, actor) is string refusal)
        {
            return Result.Fail<DeadLetterDecision>(refusal);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DecideAsync(db, targets, [TargetState.Failed, TargetState.NeedsAttention], TargetState.Draft,
            s => s.SetProperty(t => t.NextAttemptUtc, (DateTime?)null).SetProperty(t => t.LastError, (string?)null),
            actor, "target.drafted", "Moved back to draft.", cancellationToken);
    }

    /// <summary>The person found the post on the platform: record it as published (with its link when given).</summary>
    public async Task<Result<DeadLetterDecision>> MarkPublishedAsync(IReadOnlyList<SeenTarget> targets, string? url, Actor actor, CancellationToken cancellationToken)
    {
        if (Refusal(targets, actor) is string refusal)
        {
            return Result.Fail<DeadLetterDecision>(refusal);
        }

        url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (url is not null && targets.Count > 1)
        {
            return Result.Fail<DeadLetterDecision>("A link belongs to one post: mark them one at a time to give each its link, or leave the link empty.");
        }

        if (url is not null && (url.Length > 2048 || PlatformLink.FromPlatform(url, allowHttp: true) is null))
        {
            return Result.Fail<DeadLetterDecision>("The link must be the post's full address on the platform, starting with https://.");
        }

        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await DecideAsync(db, targets, [TargetState.NeedsAttention], TargetState.Published,
            s => s.SetProperty(t => t.PublishedUtc, now).SetProperty(t => t.PlatformUrl, url).SetProperty(t => t.LastError, (string?)null)
                .SetProperty(t => t.LastFailureKind, (FailureKind?)null).SetProperty(t => t.NextAttemptUtc, (DateTime?)null),
            actor, "target.marked-published", url is null ? "Found on the platform by a person." : "Found on the platform by a person: " + url, cancellationToken);
    }

    private static string? Refusal(IReadOnlyList<SeenTarget> targets, Actor actor) =>
        !actor.CanPublish ? "Only Editors and Admins can decide what happens to posts that did not go out. Ask one of them."
        : targets.Count == 0 ? "Select at least one post first."
        : null;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<DeadLetterDecision> DecideAsync(
        OcmaDbContext db,
        IReadOnlyList<SeenTarget> targets,
        TargetState[] from,
        TargetState to,
        Action<UpdateSettersBuilder<PostTarget>> change,
        Actor actor,
        string action,
        string details,
        CancellationToken cancellationToken)
    {
        var now = Now;
        var seen = targets.DistinctBy(t => t.TargetId).ToList();
        var acted = new List<int>();
        List<(int Id, int PostId, int ChannelId, string? PlatformUrl)> moves;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var target in seen.Where(t => from.Contains(t.State)))
            {
                // The condition is the decision: it only holds while the target is exactly as the person saw it.
                var moved = await db.PostTargets
                    .Where(t => t.Id == target.TargetId && t.State == target.State && t.StateChangedUtc == target.StateChangedUtc && t.PublishedUtc == null)
                    .ExecuteUpdateAsync(
                        s =>
                        {
                            s.SetProperty(t => t.State, to).SetProperty(t => t.StateChangedUtc, now).SetProperty(t => t.ClaimId, (Guid?)null);
                            change(s);
                        },
                        cancellationToken);
                if (moved == 1)
                {
                    acted.Add(target.TargetId);
                }
            }

            moves = (await db.PostTargets.AsNoTracking().Where(t => acted.Contains(t.Id))
                .Select(t => new { t.Id, t.PostId, t.ChannelId, t.PlatformUrl }).ToListAsync(cancellationToken))
                .Select(t => (t.Id, t.PostId, t.ChannelId, t.PlatformUrl)).ToList();
            foreach (var moved in moves)
            {
                audit.Add(db, actor, action, $"post {moved.PostId} target {moved.Id}", details);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var moved in moves)
        {
            await live.PublishAsync(new TargetStateChanged(moved.PostId, moved.Id, moved.ChannelId, to, null, moved.PlatformUrl));
        }

        return new DeadLetterDecision(acted.Count, seen.Count - acted.Count);
    }
}
