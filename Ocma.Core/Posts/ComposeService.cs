using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
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
    TimeProvider time)
{
    public const int MaxTextLength = 100_000;

    /// <summary>Per-channel validation the editor shows as the person types.</summary>
    public IReadOnlyList<ChannelCheck> Check(string text, IEnumerable<ChannelSummary> channels) =>
        channels.Select(c => new ChannelCheck(c, Validate(c.PlatformKey, text))).ToList();

    public async Task<Result<Post>> SubmitAsync(ComposeRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanCompose || actor.UserId is null)
        {
            return Result.Fail<Post>("Your role cannot write posts. Ask an Admin for the Contributor or Editor role.");
        }

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

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == request.BrandId, cancellationToken);
        if (brand is null)
        {
            return Result.Fail<Post>("That brand no longer exists.");
        }

        var channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id) && c.BrandId == brand.Id).ToListAsync(cancellationToken);
        if (channels.Count != channelIds.Count)
        {
            return Result.Fail<Post>("One of the chosen channels does not exist (it may have been removed). Reload and pick again.");
        }

        var problems = channels.SelectMany(c => ChannelProblems(c, text)).ToList();
        if (request.Mode != ComposeMode.SaveDraft && problems.Count > 0)
        {
            return Result.Fail<Post>(string.Join(" ", problems));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var due = ResolveDue(request, brand.TimeZoneId, now);
        if (!due.Succeeded)
        {
            return Result.Fail<Post>(due.Error!);
        }

        var state = request.Mode == ComposeMode.SaveDraft ? TargetState.Draft : TargetState.Scheduled;
        var post = new Post { BrandId = brand.Id, Text = text, AuthorId = actor.UserId, AuthorName = actor.Name, CreatedUtc = now, UpdatedUtc = now };
        post.Targets.AddRange(channels.Select(c => new PostTarget
        {
            ChannelId = c.Id,
            DueUtc = due.Value,
            PlannedTimeZoneId = brand.TimeZoneId,
            State = state,
            StateChangedUtc = now,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        }));
        db.Posts.Add(post);
        audit.Add(db, actor, AuditAction(request.Mode), $"post {text[..Math.Min(40, text.Length)]}", Describe(request.Mode, due.Value, channels.Count));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var target in post.Targets)
        {
            await live.PublishAsync(new TargetStateChanged(post.Id, target.Id, target.ChannelId, target.State, null, null));
        }

        if (state == TargetState.Scheduled && due.Value is DateTime dueUtc)
        {
            await dispatch.ArmAsync(dueUtc, cancellationToken);
        }

        return post;
    }

    private static Result<DateTime?> ResolveDue(ComposeRequest request, string zoneId, DateTime nowUtc)
    {
        if (request.Mode == ComposeMode.PublishNow)
        {
            return nowUtc;
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
        mode == ComposeMode.Schedule ? $"{channels} channel(s), due {dueUtc:yyyy-MM-dd HH:mm} UTC" : $"{channels} channel(s)";
}

/// <summary>One channel's verdict on the current text.</summary>
public sealed record ChannelCheck(ChannelSummary Channel, ContentValidation? Validation);
