using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Bulk;
using Ocma.Core.Data;
using Ocma.Core.Posts;

namespace Ocma.Core.Calendar;

/// <summary>What the profile page shows about a person's calendar address (never the address itself after it was issued).</summary>
public sealed record CalendarFeedStatus(bool Active, DateTime? CreatedUtc, DateTime? LastFetchedUtc);

/// <summary>
/// A per-person secret calendar address that Google Calendar, Outlook or Apple Calendar poll without signing in: every
/// brand's scheduled and published posts, each at its time in its brand's zone. Issue shows the address once; issuing
/// again replaces it, revoking ends it, and locking the person stops it answering.
/// </summary>
public sealed class CalendarFeedService(
    IDbContextFactory<OcmaDbContext> dbFactory, IServiceScopeFactory scopes, BrandService brands, PostQueries posts, AuditLog audit, TimeProvider time, Identity.ActorResolver actors)
{
    public const string PathPrefix = "/calendar/feed/";

    public async Task<CalendarFeedStatus> StatusAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.UserId == actor.UserId, cancellationToken);
        return new CalendarFeedStatus(feed is not null, feed?.CreatedUtc, feed?.LastFetchedUtc);
    }

    /// <summary>A new secret address for the person, replacing any earlier one (which stops working at once).</summary>
    /// <param name="baseUrl">Ocma's public address, e.g. https://ocma.example.com/.</param>
    public async Task<Result<Uri>> IssueAsync(Actor actor, Uri baseUrl, CancellationToken cancellationToken)
    {
        if (actor.UserId is null)
        {
            return Result.Fail<Uri>("Sign in to get a calendar address.");
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == actor.UserId, cancellationToken);
        var replaced = feed is not null;
        feed ??= db.CalendarFeeds.Add(new CalendarFeed { UserId = actor.UserId, TokenHash = "" }).Entity;
        feed.TokenHash = Hash(token);
        feed.CreatedUtc = time.GetUtcNow().UtcDateTime;
        feed.LastFetchedUtc = null;
        audit.Add(db, actor, replaced ? "calendar-feed.replaced" : "calendar-feed.issued", $"user {actor.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return new Uri(baseUrl, $"{PathPrefix.TrimStart('/')}{token}.ics");
    }

    /// <summary>Ends the person's calendar address; true when there was one.</summary>
    public async Task<bool> RevokeAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = await db.CalendarFeeds.Where(f => f.UserId == actor.UserId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await audit.WriteAsync(actor, "calendar-feed.revoked", $"user {actor.Name}", null, cancellationToken);
        }

        return removed > 0;
    }

    /// <summary>The calendar behind a secret, or null when no live address has it (unknown, replaced, revoked, person locked).</summary>
    public async Task<string?> RenderAsync(string token, Uri baseUrl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash, cancellationToken);
        if (feed is null || await IsLockedOutAsync(feed.UserId))
        {
            return null;
        }

        var owner = await actors.ResolveAsync(feed.UserId, "", cancellationToken); // only the brands the person belongs to now

        await db.CalendarFeeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.LastFetchedUtc, now.UtcDateTime), cancellationToken);
        var entries = new List<CalendarEntry>();
        var all = await brands.ListForAsync(owner.Actor, cancellationToken);
        foreach (var brand in all)
        {
            entries.AddRange((await posts.AllAsync(brand.Id, cancellationToken)).Select(t => new CalendarEntry(t, brand.Name, brand.TimeZoneId)));
        }

        return PostCalendar.Build("Ocma posts", entries, baseUrl, now.UtcDateTime, showBrand: all.Count > 1);
    }

    /// <summary>Identity stamps lockouts on its own clock, so it is asked rather than compared with Ocma's (docs/adr/0012).</summary>
    private async Task<bool> IsLockedOutAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Identity.OcmaUser>>();
        return await users.FindByIdAsync(userId) is not { } user || await users.IsLockedOutAsync(user);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
