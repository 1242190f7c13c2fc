using Microsoft.EntityFrameworkCore;
using Ocma.Core.Approvals;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Publishing;

namespace Ocma.Core.Posts;

/// <summary>
/// Saves changes to an existing post in one transaction: text, channel texts, channels, due time and mode. Only targets that
/// have not been handed to the platform change; the post's last-saved time is the token that catches a save made meanwhile.
/// </summary>
public sealed class PostEditService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    ComposeService compose,
    QueueService queue,
    DispatchTrigger dispatch,
    AuditLog audit,
    LiveStatus live,
    TimeProvider time)
{
    /// <summary>States of a target not yet handed to the platform: its text, time and channel may still change.</summary>
    public static bool CanEdit(TargetState state) =>
        state is TargetState.Draft or TargetState.InReview or TargetState.Approved or TargetState.Scheduled;

    /// <summary>
    /// Where an edited post's unsent targets go: where the same post would start if this person submitted it now. So with
    /// approvals on, approved content a Contributor changes goes back to review (the lock), and an Editor's edit schedules it.
    /// </summary>
    public static InitialPlan PlanAfterEdit(ComposeMode mode, Brand brand, Actor actor, DateTime? dueUtc) =>
        ApprovalRules.PlanSubmission(mode, brand.ApprovalsRequired, actor, dueUtc);

    /// <summary>The post as the composer opens it, or null when the brand has no such post.</summary>
    public async Task<EditablePost?> LoadAsync(int postId, int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var post = await db.Posts.AsNoTracking().Include(p => p.Media).Include(p => p.Targets).ThenInclude(t => t.Channel)
            .SingleOrDefaultAsync(p => p.Id == postId && p.BrandId == brandId, cancellationToken);
        return post is null ? null : new EditablePost(post.Id, post.Text, post.Notes, post.Campaign, post.UpdatedUtc, post.Targets.OrderBy(t => t.Id)
            .Select(t => new EditableTarget(t.Id, t.ChannelId, EditRules.Label(t.Channel!), t.State, t.VariantText, t.TextFor(post), t.DueUtc)).ToList(),
            post.Media.OrderBy(m => m.Position).Select(m => m.MediaAssetId).ToList());
    }

    /// <summary>Saves the composer's request over post <paramref name="postId"/>, last saved at <paramref name="version"/>.</summary>
    public async Task<Result<Post>> SaveAsync(int postId, DateTime version, ComposeRequest request, Actor actor, CancellationToken cancellationToken)
    {
        actor = actor.In(request.BrandId); // their role in the post's brand
        if (ComposeService.RoleProblem(actor) is string roleProblem)
        {
            return Result.Fail<Post>(roleProblem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var post = await db.Posts.AsNoTracking().Include(p => p.Media).Include(p => p.Targets).ThenInclude(t => t.Channel)
            .SingleOrDefaultAsync(p => p.Id == postId && p.BrandId == request.BrandId, cancellationToken);
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == request.BrandId, cancellationToken);
        if (post is null || brand is null)
        {
            return Result.Fail<Post>($"There is no post {postId} any more: it may have been removed. Your text is still here to copy.");
        }

        if (post.UpdatedUtc != version)
        {
            return Result.Fail<Post>(EditRules.Conflict(post.UpdatedUtc, brand.TimeZoneId));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var known = await db.Channels.AsNoTracking().Where(c => c.BrandId == brand.Id).ToDictionaryAsync(c => c.Id, cancellationToken);
        var mediaIds = request.MediaIds ?? [];
        var knownMedia = await db.MediaAssets.AsNoTracking().Where(a => mediaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var plan = EditRules.Plan(post, request, compose, brand, known, knownMedia, now);
        if (!plan.Succeeded)
        {
            return Result.Fail<Post>(plan.Error!);
        }

        var after = PlanAfterEdit(request.Mode, brand, actor, plan.Value.Content.DueUtc);
        var queued = request.Mode == ComposeMode.AddToQueue
            ? await queue.NextFreeSlotsAsync(brand.Id, plan.Value.Kept.Select(t => t.ChannelId).Concat(plan.Value.Added.Select(c => c.Id)).ToList(), cancellationToken)
            : null;
        if (queued is { Succeeded: false })
        {
            return Result.Fail<Post>(queued.Error!);
        }

        var stored = await StoreAsync(db, post, version, plan.Value, request.Mode, after, queued?.Value, actor, now, cancellationToken);
        if (!stored.Succeeded)
        {
            return Result.Fail<Post>(stored.Error!);
        }

        foreach (var (targetId, channelId, state) in stored.Value)
        {
            await live.PublishAsync(new TargetStateChanged(postId, targetId, channelId, state, null, null));
        }

        var saved = await db.Posts.AsNoTracking().Include(p => p.Targets).SingleAsync(p => p.Id == postId, cancellationToken);
        var earliest = saved.Targets.Where(t => t.State == TargetState.Scheduled && t.DueUtc is not null).Min(t => t.DueUtc);
        if (earliest is DateTime dueUtc)
        {
            await dispatch.ArmAsync(dueUtc, cancellationToken);
        }

        return saved;
    }

    /// <summary>Writes the plan, every change conditional on the target being exactly as loaded; all or nothing.</summary>
    private async Task<Result<List<(int TargetId, int ChannelId, TargetState State)>>> StoreAsync(
        OcmaDbContext db, Post post, DateTime version, EditPlan plan, ComposeMode mode, InitialPlan after, IReadOnlyDictionary<int, DateTime>? queued, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var content = plan.Content;
        var stamp = now > version ? now : version.AddTicks(1);
        var changed = new List<(int, int, TargetState)>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Posts.Where(p => p.Id == post.Id && p.UpdatedUtc == version)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Text, content.Text).SetProperty(p => p.Notes, content.Notes).SetProperty(p => p.Campaign, content.Campaign).SetProperty(p => p.UpdatedUtc, stamp), cancellationToken);
        if (claimed == 0)
        {
            return Result.Fail<List<(int, int, TargetState)>>(EditRules.Conflict(null, content.TimeZoneId));
        }

        if (!post.Media.OrderBy(m => m.Position).Select(m => m.MediaAssetId).SequenceEqual(content.Media.Select(m => m.Id)))
        {
            await db.PostMedia.Where(m => m.PostId == post.Id).ExecuteDeleteAsync(cancellationToken);
            db.PostMedia.AddRange(content.Media.Select((asset, i) => new Media.PostMedia { PostId = post.Id, MediaAssetId = asset.Id, Position = i }));
        }

        if (content.Text != post.Text)
        {
            // What was already sent keeps the words it was sent with.
            var sentIds = post.Targets.Where(t => !CanEdit(t.State)).Select(t => t.Id).ToList();
            await db.PostTargets.Where(t => sentIds.Contains(t.Id) && t.VariantText == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.VariantText, post.Text), cancellationToken);
        }

        foreach (var target in plan.Kept)
        {
            var state = after.State;
            var moved = await Unchanged(db, target).ExecuteUpdateAsync(
                s => s.SetProperty(t => t.VariantText, content.VariantFor(target.ChannelId))
                    .SetProperty(t => t.DueUtc, DueFor(target.ChannelId, after, queued))
                    .SetProperty(t => t.PlannedTimeZoneId, content.TimeZoneId)
                    .SetProperty(t => t.State, state)
                    .SetProperty(t => t.StateChangedUtc, state == target.State ? target.StateChangedUtc : now)
                    .SetProperty(t => t.NextAttemptUtc, (DateTime?)null),
                cancellationToken);
            if (moved == 0)
            {
                return Result.Fail<List<(int, int, TargetState)>>(await MovedMeanwhileAsync(db, target, cancellationToken));
            }

            changed.Add((target.Id, target.ChannelId, state));
        }

        foreach (var target in plan.Removed)
        {
            // A target with attempts keeps its ledger as canceled; one never tried simply goes.
            var gone = target.AttemptCount == 0
                ? await Unchanged(db, target).ExecuteDeleteAsync(cancellationToken)
                : await Unchanged(db, target).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Canceled).SetProperty(t => t.StateChangedUtc, now), cancellationToken);
            if (gone == 0)
            {
                return Result.Fail<List<(int, int, TargetState)>>(await MovedMeanwhileAsync(db, target, cancellationToken));
            }

            changed.Add((target.Id, target.ChannelId, TargetState.Canceled));
        }

        var added = plan.Added.Select(channel => new PostTarget
        {
            PostId = post.Id,
            ChannelId = channel.Id,
            VariantText = content.VariantFor(channel.Id),
            DueUtc = DueFor(channel.Id, after, queued),
            PlannedTimeZoneId = content.TimeZoneId,
            State = after.State,
            StateChangedUtc = now,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        }).ToList();
        db.PostTargets.AddRange(added);
        audit.Add(db, actor, "post.edited", $"post {post.Id}", EditRules.Describe(plan, mode));
        if (after.State == TargetState.InReview)
        {
            ReviewSubmission.RecordEdit(db, post.Id, actor, now);
            audit.Add(db, actor, ReviewSubmission.AuditAction, $"post {post.Id}", "changed, so it waits for approval again");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changed.AddRange(added.Select(t => (t.Id, t.ChannelId, t.State)));
        return changed;
    }

    /// <summary>A queued channel's own next free posting time; otherwise the post's one due time.</summary>
    private static DateTime? DueFor(int channelId, InitialPlan after, IReadOnlyDictionary<int, DateTime>? queued) =>
        queued is not null && queued.TryGetValue(channelId, out var slot) ? slot : after.DueUtc;

    private static IQueryable<PostTarget> Unchanged(OcmaDbContext db, PostTarget loaded) =>
        db.PostTargets.Where(t => t.Id == loaded.Id && t.State == loaded.State && t.StateChangedUtc == loaded.StateChangedUtc);

    private static async Task<string> MovedMeanwhileAsync(OcmaDbContext db, PostTarget loaded, CancellationToken cancellationToken)
    {
        var now = await db.PostTargets.AsNoTracking().Where(t => t.Id == loaded.Id).Select(t => (TargetState?)t.State).SingleOrDefaultAsync(cancellationToken);
        return $"{EditRules.Label(loaded.Channel!)} changed while you were editing (it is now {EditRules.StateWords(now ?? TargetState.Canceled)}), so nothing was saved. Your text is still here: reload the post to see where it stands.";
    }
}
