using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Publishing;

namespace Ocma.Core.Posts;

/// <summary>Turns what the composer submits into a post with one target per channel, checked before anything is stored.</summary>
public sealed class ComposeService(
    IDbContextFactory<OcmaDbContext> dbFactory,
    ConnectorRegistry connectors,
    DispatchTrigger dispatch,
    AuditLog audit,
    LiveStatus live,
    QueueService queue,
    TimeProvider time)
{
    public const int MaxTextLength = 100_000;

    /// <summary>Per-channel validation the editor shows as the person types.</summary>
    public IReadOnlyList<ChannelCheck> Check(string text, IEnumerable<ChannelSummary> channels) =>
        channels.Select(c => new ChannelCheck(c, Validate(c.PlatformKey, text))).ToList();

    public async Task<Result<Post>> SubmitAsync(ComposeRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var stored = await SubmitAllAsync([request], actor, cancellationToken);
        return stored.Succeeded ? stored.Value[0] : Result.Fail<Post>(stored.Error!);
    }

    /// <summary>
    /// Checks every request as <see cref="SubmitAsync"/> would and stores nothing: one entry per request,
    /// null when it would be accepted, otherwise the reason. Used by the CSV import's dry run.
    /// </summary>
    public async Task<Result<IReadOnlyList<string?>>> DryRunAsync(IReadOnlyList<ComposeRequest> requests, Actor actor, CancellationToken cancellationToken)
    {
        if (RoleProblem(actor) is string problem)
        {
            return Result.Fail<IReadOnlyList<string?>>(problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var built = await BuildAllAsync(db, requests, actor, cancellationToken);
        return built.Select(b => b.Error).ToList();
    }

    /// <summary>Stores all the requests in one transaction, or none of them when any one is refused.</summary>
    public async Task<Result<IReadOnlyList<Post>>> SubmitAllAsync(IReadOnlyList<ComposeRequest> requests, Actor actor, CancellationToken cancellationToken)
    {
        if (RoleProblem(actor) is string problem)
        {
            return Result.Fail<IReadOnlyList<Post>>(problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var built = await BuildAllAsync(db, requests, actor, cancellationToken);
        var firstBad = built.FindIndex(b => !b.Succeeded);
        if (firstBad >= 0)
        {
            var reason = built[firstBad].Error!;
            return Result.Fail<IReadOnlyList<Post>>(requests.Count == 1 ? reason : $"Post {firstBad + 1} of {requests.Count}: {reason} Nothing was stored.");
        }

        var posts = built.Select(b => b.Value).ToList();
        for (var i = 0; i < posts.Count; i++)
        {
            db.Posts.Add(posts[i]);
            audit.Add(db, actor, AuditAction(requests[i].Mode), $"post {posts[i].Text[..Math.Min(40, posts[i].Text.Length)]}", Describe(requests[i].Mode, posts[i].Targets.Min(t => t.DueUtc), posts[i].Targets.Count));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var target in posts.SelectMany(p => p.Targets))
        {
            await live.PublishAsync(new TargetStateChanged(target.PostId, target.Id, target.ChannelId, target.State, null, null));
        }

        var earliest = posts.SelectMany(p => p.Targets).Where(t => t.State == TargetState.Scheduled && t.DueUtc is not null).Min(t => t.DueUtc);
        if (earliest is DateTime dueUtc)
        {
            await dispatch.ArmAsync(dueUtc, cancellationToken);
        }

        return posts;
    }

    private static string? RoleProblem(Actor actor) => !actor.CanCompose || actor.UserId is null
        ? "Your role cannot write posts. Ask an Admin for the Contributor or Editor role."
        : null;

    private async Task<List<Result<Post>>> BuildAllAsync(OcmaDbContext db, IReadOnlyList<ComposeRequest> requests, Actor actor, CancellationToken cancellationToken)
    {
        var brandIds = requests.Select(r => r.BrandId).Distinct().ToList();
        var brands = await db.Brands.AsNoTracking().Where(b => brandIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        var channels = await db.Channels.AsNoTracking().Where(c => brandIds.Contains(c.BrandId)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var built = new List<Result<Post>>();
        foreach (var request in requests)
        {
            var post = Build(request, actor, brands.GetValueOrDefault(request.BrandId), channels, now);
            built.Add(request.Mode == ComposeMode.AddToQueue && post.Succeeded ? await QueueAsync(post.Value, built, cancellationToken) : post);
        }

        return built;
    }

    /// <summary>Gives each target its channel's next free posting time, passing over times given to earlier posts of the batch.</summary>
    private async Task<Result<Post>> QueueAsync(Post post, IEnumerable<Result<Post>> earlier, CancellationToken cancellationToken)
    {
        var handedOut = earlier.Where(b => b.Succeeded).SelectMany(b => b.Value.Targets).Where(t => t.DueUtc is not null).Select(t => (t.ChannelId, t.DueUtc!.Value)).ToList();
        var slots = await queue.NextFreeSlotsAsync(post.BrandId, post.Targets.Select(t => t.ChannelId).ToList(), cancellationToken, handedOut);
        if (!slots.Succeeded)
        {
            return Result.Fail<Post>(slots.Error!);
        }

        post.Targets.ForEach(t => t.DueUtc = slots.Value[t.ChannelId]);
        return post;
    }

    /// <summary>Every check of one request against already-loaded brand and channels; the post it would store, unsaved.</summary>
    private Result<Post> Build(ComposeRequest request, Actor actor, Brand? brand, IReadOnlyDictionary<int, Channel> known, DateTime now)
    {
        var text = request.Text.Trim();
        if (text.Length == 0)
        {
            return Result.Fail<Post>("Write some text: the post is empty.");
        }

        if (text.Length > MaxTextLength)
        {
            return Result.Fail<Post>($"The text is too long to store ({text.Length:N0} characters; at most {MaxTextLength:N0}).");
        }

        var channelIds = request.ChannelIds.Distinct().ToList();
        if (channelIds.Count == 0)
        {
            return Result.Fail<Post>("Pick at least one channel to post to.");
        }

        if (brand is null)
        {
            return Result.Fail<Post>("That brand no longer exists.");
        }

        var channels = channelIds.Select(id => known.GetValueOrDefault(id)).Where(c => c is not null && c.BrandId == brand.Id).Select(c => c!).ToList();
        if (channels.Count != channelIds.Count)
        {
            return Result.Fail<Post>("One of the chosen channels does not exist (it may have been removed). Reload and pick again.");
        }

        var problems = channels.SelectMany(c => ChannelProblems(c, text)).ToList();
        if (request.Mode != ComposeMode.SaveDraft && problems.Count > 0)
        {
            return Result.Fail<Post>(string.Join(" ", problems));
        }

        var due = ResolveDue(request, brand.TimeZoneId, now);
        if (!due.Succeeded)
        {
            return Result.Fail<Post>(due.Error!);
        }

        var state = request.Mode == ComposeMode.SaveDraft ? TargetState.Draft : TargetState.Scheduled;
        var post = new Post { BrandId = brand.Id, Text = text, AuthorId = actor.UserId!, AuthorName = actor.Name, CreatedUtc = now, UpdatedUtc = now };
        post.Targets.AddRange(channels.Select(c => new PostTarget
        {
            ChannelId = c.Id,
            DueUtc = due.Value,
            PlannedTimeZoneId = brand.TimeZoneId,
            State = state,
            StateChangedUtc = now,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        }));
        return post;
    }

    private static Result<DateTime?> ResolveDue(ComposeRequest request, string zoneId, DateTime nowUtc)
    {
        if (request.Mode == ComposeMode.PublishNow)
        {
            return nowUtc;
        }

        if (request.Mode == ComposeMode.AddToQueue)
        {
            return (DateTime?)null;
        }

        if (request.LocalDueTime is not DateTime local)
        {
            return request.Mode == ComposeMode.SaveDraft ? (DateTime?)null : Result.Fail<DateTime?>("Pick a date and time to schedule the post.");
        }

        var utc = ZoneClock.ToUtc(local, zoneId);
        if (!utc.Succeeded)
        {
            return Result.Fail<DateTime?>(utc.Error!);
        }

        // A draft may keep a past time (it is re-planned before scheduling); a schedule may not.
        return request.Mode == ComposeMode.Schedule && utc.Value <= nowUtc
            ? Result.Fail<DateTime?>($"{local:yyyy-MM-dd HH:mm} ({zoneId}) is in the past. Pick a later time, or use Publish now.")
            : utc.Value;
    }

    private IEnumerable<string> ChannelProblems(Channel channel, string text)
    {
        var name = channel.Handle ?? channel.DisplayName;
        if (channel.Status != ChannelStatus.Active)
        {
            yield return $"{name} is {channel.Status switch { ChannelStatus.NeedsReconnect => "waiting to be reconnected", _ => "disconnected" }}: reconnect it on Channels or leave it out.";
            yield break;
        }

        var validation = Validate(channel.PlatformKey, text);
        foreach (var problem in validation?.Problems ?? [$"The {channel.PlatformKey} platform is not available in this installation."])
        {
            yield return $"{name}: {problem}";
        }
    }

    private ContentValidation? Validate(string platformKey, string text) =>
        connectors.Find(platformKey)?.Validate(PostContent.TextOnly(text));

    private static string AuditAction(ComposeMode mode) => mode switch
    {
        ComposeMode.SaveDraft => "post.drafted",
        ComposeMode.PublishNow => "post.publish-now",
        _ => "post.scheduled",
    };

    private static string Describe(ComposeMode mode, DateTime? dueUtc, int channels) =>
        mode switch
        {
            ComposeMode.Schedule => $"{channels} channel(s), due {dueUtc:yyyy-MM-dd HH:mm} UTC",
            ComposeMode.AddToQueue => $"{channels} channel(s), queued; first due {dueUtc:yyyy-MM-dd HH:mm} UTC",
            _ => $"{channels} channel(s)",
        };
}

/// <summary>One channel's verdict on the current text.</summary>
public sealed record ChannelCheck(ChannelSummary Channel, ContentValidation? Validation);
