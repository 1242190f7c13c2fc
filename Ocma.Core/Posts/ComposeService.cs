using Microsoft.EntityFrameworkCore;
using Ocma.Core.Approvals;
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
    Media.MediaItems mediaItems,
    DispatchTrigger dispatch,
    AuditLog audit,
    LiveStatus live,
    QueueService queue,
    TimeProvider time)
{
    public const int MaxTextLength = 100_000;

    public const int MaxNotesLength = 20_000;

    public const int MaxCampaignLength = 60;

    /// <summary>
    /// Per-channel validation the editor shows as the person types: the text each channel will get, with the attached
    /// library images, so each channel's text and media rules show before submitting.
    /// </summary>
    public IReadOnlyList<ChannelCheck> Check(
        string text, IEnumerable<ChannelSummary> channels, IReadOnlyDictionary<int, string>? variants = null, IReadOnlyList<Media.MediaAsset>? media = null)
    {
        var items = mediaItems.From(media ?? []);
        return channels.Select(c => new ChannelCheck(c, Validate(c.PlatformKey, variants?.GetValueOrDefault(c.Id) ?? text, items))).ToList();
    }

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
        actor = InBrandOf(actor, requests);
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
        actor = InBrandOf(actor, requests);
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
            var submitted = ReviewSubmission.Record(db, posts[i], actor);
            audit.Add(db, actor, submitted ? ReviewSubmission.AuditAction : AuditAction(requests[i].Mode), $"post {posts[i].Text[..Math.Min(40, posts[i].Text.Length)]}", Describe(requests[i].Mode, posts[i].Targets.Min(t => t.DueUtc), posts[i].Targets.Count));
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

    /// <summary>The person with their role in the brand the posts are for; mixed brands take the weakest of those roles.</summary>
    private static Actor InBrandOf(Actor actor, IReadOnlyList<ComposeRequest> requests)
    {
        var brands = requests.Select(r => r.BrandId).Distinct().Select(actor.In).ToList();
        return brands.FirstOrDefault(a => RoleProblem(a) is not null) ?? brands.FirstOrDefault() ?? actor;
    }

    internal static string? RoleProblem(Actor actor) => !actor.CanCompose || actor.UserId is null
        ? "Your role cannot write posts. Ask an Admin for the Contributor or Editor role."
        : null;

    private async Task<List<Result<Post>>> BuildAllAsync(OcmaDbContext db, IReadOnlyList<ComposeRequest> requests, Actor actor, CancellationToken cancellationToken)
    {
        var brandIds = requests.Select(r => r.BrandId).Distinct().ToList();
        var brands = await db.Brands.AsNoTracking().Where(b => brandIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        var channels = await db.Channels.AsNoTracking().Where(c => brandIds.Contains(c.BrandId)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var mediaIds = requests.SelectMany(r => r.MediaIds ?? []).Distinct().ToList();
        var media = await db.MediaAssets.AsNoTracking().Where(a => mediaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var built = new List<Result<Post>>();
        foreach (var request in requests)
        {
            var post = Build(request, actor, brands.GetValueOrDefault(request.BrandId), channels, media, now);
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
    private Result<Post> Build(ComposeRequest request, Actor actor, Brand? brand, IReadOnlyDictionary<int, Channel> known, IReadOnlyDictionary<int, Media.MediaAsset> knownMedia, DateTime now)
    {
        var content = CheckContent(request, brand, known, knownMedia, now, unchangedChannelIds: null);
        if (!content.Succeeded)
        {
            return Result.Fail<Post>(content.Error!);
        }

        var c = content.Value;
        var plan = ApprovalRules.PlanSubmission(request.Mode, brand!.ApprovalsRequired, actor, c.DueUtc);
        var post = new Post { BrandId = brand.Id, Text = c.Text, Notes = c.Notes, Campaign = c.Campaign, AuthorId = actor.UserId!, AuthorName = actor.Name, CreatedUtc = now, UpdatedUtc = now };
        post.Targets.AddRange(c.Channels.Select(channel => new PostTarget
        {
            ChannelId = channel.Id,
            VariantText = c.VariantFor(channel.Id),
            DueUtc = plan.DueUtc,
            PlannedTimeZoneId = c.TimeZoneId,
            State = plan.State,
            StateChangedUtc = now,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        }));
        post.Media.AddRange(c.Media.Select((asset, i) => new Media.PostMedia { MediaAssetId = asset.Id, Position = i }));
        return post;
    }

    /// <summary>
    /// The checks a new post and an edit share: base text, each channel's own text, the channels, the attached images, the
    /// notes and the due time. Channels in <paramref name="unchangedChannelIds"/> keep what they have, so their platform
    /// rules are not re-checked.
    /// </summary>
    internal Result<CheckedContent> CheckContent(
        ComposeRequest request, Brand? brand, IReadOnlyDictionary<int, Channel> known, IReadOnlyDictionary<int, Media.MediaAsset> knownMedia, DateTime now, IReadOnlySet<int>? unchangedChannelIds)
    {
        var text = request.Text.Trim();
        if (CheckText(text, null) is string textProblem)
        {
            return Result.Fail<CheckedContent>(textProblem);
        }

        var notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        if (notes?.Length > MaxNotesLength)
        {
            return Result.Fail<CheckedContent>($"The notes are too long ({notes.Length:N0} characters; at most {MaxNotesLength:N0}).");
        }

        var campaign = string.IsNullOrWhiteSpace(request.Campaign) ? null : string.Join(' ', request.Campaign.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (campaign?.Length > MaxCampaignLength)
        {
            return Result.Fail<CheckedContent>($"The campaign name is too long ({campaign.Length} characters; at most {MaxCampaignLength}). Use a short label such as \"Spring sale\".");
        }

        var channelIds = request.ChannelIds.Distinct().ToList();
        if (channelIds.Count == 0)
        {
            return Result.Fail<CheckedContent>("Pick at least one channel to post to.");
        }

        if (brand is null)
        {
            return Result.Fail<CheckedContent>("That brand no longer exists.");
        }

        var channels = channelIds.Select(id => known.GetValueOrDefault(id)).Where(c => c is not null && c.BrandId == brand.Id).Select(c => c!).ToList();
        if (channels.Count != channelIds.Count)
        {
            return Result.Fail<CheckedContent>("One of the chosen channels does not exist (it may have been removed). Reload and pick again.");
        }

        var variants = CheckVariants(request, text, channels);
        if (!variants.Succeeded)
        {
            return Result.Fail<CheckedContent>(variants.Error!);
        }

        var media = Media.MediaAttachment.Resolve(request.MediaIds, brand.Id, knownMedia);
        if (!media.Succeeded)
        {
            return Result.Fail<CheckedContent>(media.Error!);
        }

        var items = mediaItems.From(media.Value);
        var problems = channels.Where(c => unchangedChannelIds?.Contains(c.Id) != true)
            .SelectMany(c => ChannelProblems(c, variants.Value.GetValueOrDefault(c.Id) ?? text, items)).ToList();
        if (request.Mode != ComposeMode.SaveDraft && problems.Count > 0)
        {
            return Result.Fail<CheckedContent>(string.Join(" ", problems));
        }

        var due = ResolveDue(request, brand.TimeZoneId, now);
        return due.Succeeded
            ? new CheckedContent(text, notes, campaign, channels, variants.Value, media.Value, due.Value, brand.TimeZoneId)
            : Result.Fail<CheckedContent>(due.Error!);
    }

    /// <summary>Each chosen channel's own text, trimmed; a text equal to the base text is no variant at all.</summary>
    private static Result<IReadOnlyDictionary<int, string>> CheckVariants(ComposeRequest request, string text, IReadOnlyList<Channel> channels)
    {
        var variants = new Dictionary<int, string>();
        foreach (var (channelId, raw) in request.Variants ?? new Dictionary<int, string>())
        {
            var channel = channels.FirstOrDefault(c => c.Id == channelId);
            if (channel is null)
            {
                return Result.Fail<IReadOnlyDictionary<int, string>>("A channel's own text was given for a channel that is not picked. Pick the channel again or reset its text to the base text.");
            }

            var variant = (raw ?? "").Trim();
            if (CheckText(variant, Name(channel)) is string problem)
            {
                return Result.Fail<IReadOnlyDictionary<int, string>>(variant.Length == 0 ? $"{problem} Write it, or use \"Reset to base\" to send the base text there." : problem);
            }

            if (variant != text)
            {
                variants[channelId] = variant;
            }
        }

        return variants;
    }

    /// <summary>What is wrong with the base text (<paramref name="channelName"/> null) or one channel's own text.</summary>
    private static string? CheckText(string text, string? channelName) =>
        text.Length == 0 ? (channelName is null ? "Write some text: the post is empty." : $"The text for {channelName} is empty.")
        : text.Length > MaxTextLength ? $"The text{(channelName is null ? "" : $" for {channelName}")} is too long to store ({text.Length:N0} characters; at most {MaxTextLength:N0})."
        : null;

    internal static string Name(Channel channel) => channel.Handle ?? channel.DisplayName;

    internal static Result<DateTime?> ResolveDue(ComposeRequest request, string zoneId, DateTime nowUtc)
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

    private IEnumerable<string> ChannelProblems(Channel channel, string text, IReadOnlyList<MediaItem> media)
    {
        var name = Name(channel);
        if (channel.Status != ChannelStatus.Active)
        {
            yield return $"{name} is {channel.Status switch { ChannelStatus.NeedsReconnect => "waiting to be reconnected", _ => "disconnected" }}: reconnect it on Channels or leave it out.";
            yield break;
        }

        var validation = Validate(channel.PlatformKey, text, media);
        foreach (var problem in validation?.Problems ?? [$"The {channel.PlatformKey} platform is not available in this installation."])
        {
            yield return $"{name}: {problem}";
        }
    }

    private ContentValidation? Validate(string platformKey, string text, IReadOnlyList<MediaItem> media) =>
        connectors.Find(platformKey)?.Validate(new PostContent(text, media));

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
