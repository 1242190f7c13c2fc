using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocma.Core.Connectors;
using Ocma.Core.Data;

namespace Ocma.Core.Sandbox;

/// <summary>
/// The practice platform's content API: publish (idempotent by key), look a post up, and the feed shown at
/// /sandbox. Its failure switch makes the next publishes fail the way real platforms fail.
/// </summary>
public sealed class SandboxPlatform(IDbContextFactory<OcmaDbContext> dbFactory, SandboxAuthServer auth, IOptions<SandboxOptions> options, TimeProvider time)
{
    public const int MaxImages = 4;

    public const long MaxImageBytes = 5L * 1024 * 1024;

    /// <summary>The practice platform takes one video per post, alone (as Mastodon does), of at most this size and length.</summary>
    public const long MaxVideoBytes = 50L * 1024 * 1024;

    public static readonly TimeSpan MaxVideoDuration = TimeSpan.FromMinutes(3);

    public async Task<SandboxResponse<SandboxPublished>> PublishAsync(
        string accessToken, string text, IReadOnlyList<SandboxImageUpload> images, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(accessToken, cancellationToken);
        if (caller.Error is not null)
        {
            return SandboxResponse<SandboxPublished>.Fail(caller.Status, caller.Error.Code, caller.Error.Message);
        }

        var account = caller.Body!;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (idempotencyKey is not null && options.Value.HonourIdempotencyKey)
        {
            var earlier = await db.SandboxPosts.AsNoTracking()
                .SingleOrDefaultAsync(p => p.AccountId == account.Id && p.IdempotencyKey == idempotencyKey, cancellationToken);
            if (earlier is not null)
            {
                return SandboxResponse<SandboxPublished>.Ok(Describe(earlier));
            }
        }

        var failure = await TakeFailureAsync(db, cancellationToken);
        switch (failure)
        {
            case SandboxFailureMode.Unavailable:
                return SandboxResponse<SandboxPublished>.Fail(503, "unavailable", "The practice platform is down for maintenance.");
            case SandboxFailureMode.RateLimited:
                return SandboxResponse<SandboxPublished>.Fail(429, "rate_limited", "Too many posts: wait before posting again.", (int)options.Value.RateLimitWait.TotalSeconds);
            case SandboxFailureMode.Rejected:
                return SandboxResponse<SandboxPublished>.Fail(422, "content_rejected", "The post was refused by the practice platform's moderation.");
            case SandboxFailureMode.Revoked:
                await auth.RevokeAllAsync(account.Id, cancellationToken);
                return SandboxResponse<SandboxPublished>.Fail(401, "invalid_token", "The access token is invalid or was revoked.");
        }

        var length = TextCounter.Graphemes(text);
        if (string.IsNullOrWhiteSpace(text) || length > options.Value.TextLimit)
        {
            return SandboxResponse<SandboxPublished>.Fail(422, "validation_failed", $"Text must have 1 to {options.Value.TextLimit} characters; it has {length}.");
        }

        var videos = images.Count(i => i.ContentType.StartsWith("video/", StringComparison.Ordinal));
        if (videos > 0 && (images.Count > 1 || images[0].Data.LongLength is 0 or > MaxVideoBytes))
        {
            return SandboxResponse<SandboxPublished>.Fail(422, "validation_failed", $"One video per post, alone, of at most {MaxVideoBytes / (1024 * 1024)} MB.");
        }

        if (videos == 0 && (images.Count > MaxImages || images.Any(i => i.Data.LongLength is 0 or > MaxImageBytes || !i.ContentType.StartsWith("image/", StringComparison.Ordinal))))
        {
            return SandboxResponse<SandboxPublished>.Fail(422, "validation_failed", $"Up to {MaxImages} images of at most {MaxImageBytes / (1024 * 1024)} MB each.");
        }

        var post = new SandboxPost { AccountId = account.Id, Text = text, IdempotencyKey = idempotencyKey, CreatedUtc = time.GetUtcNow().UtcDateTime };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.SandboxPosts.Add(post);
            await db.SaveChangesAsync(cancellationToken);
            db.SandboxImages.AddRange(images.Select((image, i) => new SandboxImage { PostId = post.Id, Position = i, ContentType = image.ContentType, AltText = image.AltText, Data = image.Data }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (options.Value.AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.Value.AnswerDelay, time, cancellationToken);
        }

        switch (failure)
        {
            case SandboxFailureMode.ConnectionDropped:
                throw new SandboxConnectionDroppedException();
            case SandboxFailureMode.StoredThenTimeout:
                throw new SandboxTimedOutException();
            case SandboxFailureMode.StoredThenError:
                return SandboxResponse<SandboxPublished>.Fail(500, "internal_error", "The practice platform had a problem answering.");
        }

        return SandboxResponse<SandboxPublished>.Ok(Describe(post), 201);
    }

    /// <summary>Finds the caller's post created with the idempotency key; null body when there is none.</summary>
    public async Task<SandboxResponse<SandboxPublished?>> FindByKeyAsync(string accessToken, string idempotencyKey, CancellationToken cancellationToken)
    {
        var caller = await auth.AuthenticateAsync(accessToken, cancellationToken);
        if (caller.Error is not null)
        {
            return SandboxResponse<SandboxPublished?>.Fail(caller.Status, caller.Error.Code, caller.Error.Message);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var post = await db.SandboxPosts.AsNoTracking().OrderBy(p => p.Id)
            .FirstOrDefaultAsync(p => p.AccountId == caller.Body!.Id && p.IdempotencyKey == idempotencyKey, cancellationToken);
        return SandboxResponse<SandboxPublished?>.Ok(post is null ? null : Describe(post));
    }

    public async Task<IReadOnlyList<SandboxFeedItem>> FeedAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var posts = await db.SandboxPosts.AsNoTracking().OrderByDescending(p => p.Id).Take(take)
            .Select(p => new { p.Id, p.Account!.Handle, p.Account.DisplayName, p.Text, p.CreatedUtc })
            .ToListAsync(cancellationToken);
        var ids = posts.Select(p => p.Id).ToList();
        var images = (await db.SandboxImages.AsNoTracking().Where(i => ids.Contains(i.PostId)).OrderBy(i => i.Position)
            .Select(i => new { i.PostId, i.Id, i.AltText, i.ContentType }).ToListAsync(cancellationToken)).ToLookup(i => i.PostId);
        return posts.Select(p => new SandboxFeedItem(p.Id, p.Handle, p.DisplayName, p.Text, p.CreatedUtc,
            images[p.Id].Select(i => new SandboxFeedImage(i.Id, i.AltText, i.ContentType.StartsWith("video/"))).ToList())).ToList();
    }

    /// <summary>An image as the feed serves it; null when there is none with that id.</summary>
    public async Task<SandboxImage?> ImageAsync(int imageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SandboxImages.AsNoTracking().SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
    }

    public async Task<SandboxSwitch> GetSwitchAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SandboxSwitches.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new SandboxSwitch();
    }

    /// <summary>Makes the next <paramref name="count"/> publishes fail with <paramref name="mode"/> (None or 0 turns it off).</summary>
    public async Task SetSwitchAsync(SandboxFailureMode mode, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.SandboxSwitches.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new SandboxSwitch();
            db.SandboxSwitches.Add(row);
        }

        row.Mode = count > 0 ? mode : SandboxFailureMode.None;
        row.RemainingFailures = mode == SandboxFailureMode.None ? 0 : Math.Max(count, 0);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string PostUrl(int id) => "/sandbox#post-" + id.ToString(CultureInfo.InvariantCulture);

    private static SandboxPublished Describe(SandboxPost post) => new(post.Id.ToString(CultureInfo.InvariantCulture), PostUrl(post.Id));

    private static async Task<SandboxFailureMode> TakeFailureAsync(OcmaDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.SandboxSwitches.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.RemainingFailures <= 0)
        {
            return SandboxFailureMode.None;
        }

        // Conditional decrement: concurrent publishes never take more failures than were set.
        var taken = await db.SandboxSwitches.Where(s => s.Id == row.Id && s.RemainingFailures > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemainingFailures, x => x.RemainingFailures - 1), cancellationToken);
        return taken > 0 ? row.Mode : SandboxFailureMode.None;
    }
}

public sealed record SandboxFeedItem(int Id, string Handle, string DisplayName, string Text, DateTime CreatedUtc, IReadOnlyList<SandboxFeedImage> Images);

/// <summary>An image or video on a practice post.</summary>
public sealed record SandboxFeedImage(int Id, string? AltText, bool IsVideo = false);

/// <summary>An image sent with a publish, as a real platform's media upload would carry it.</summary>
public sealed record SandboxImageUpload(string ContentType, string? AltText, byte[] Data);
