using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Core.Live;

namespace Ocma.Core.Brands;

/// <summary>Reads and edits brands, and knows which brand each user works in. A default brand exists from the first start.</summary>
public sealed class BrandService(IDbContextFactory<OcmaDbContext> dbFactory, AuditLog audit, LiveStatus live, TimeProvider time)
{
    public const string DefaultName = "My brand";
    public const string DefaultTimeZone = "Etc/UTC";

    public async Task EnsureDefaultAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Brands.AnyAsync(cancellationToken))
        {
            db.Brands.Add(new Brand { Name = DefaultName, TimeZoneId = DefaultTimeZone, CreatedUtc = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<Brand>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Brands.AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The brands <paramref name="actor"/> may see: all for an Admin, their memberships for anyone else.</summary>
    public async Task<IReadOnlyList<Brand>> ListForAsync(Actor actor, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(b => actor.CanSee(b.Id)).ToList();

    public async Task<Brand?> FindAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == brandId, cancellationToken);
    }

    /// <summary>The brand post <paramref name="postId"/> belongs to, or null when there is no such post.</summary>
    public async Task<Brand?> OwnerOfPostAsync(int postId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Posts.Where(p => p.Id == postId).Join(db.Brands, p => p.BrandId, b => b.Id, (_, b) => b).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The brand this user works in: the one they last chose, or their first brand when they never chose one or their
    /// choice was deleted or is no longer theirs (and the first brand for the system, which has no user). Someone who
    /// belongs to no brand gets <see cref="NoBrand"/>, whose lists are empty.
    /// </summary>
    public async Task<Brand> GetCurrentAsync(string? userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chosen = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.CurrentBrandId).SingleOrDefaultAsync(cancellationToken);
        if (userId is not null && await MembershipsAsync(db, userId, cancellationToken) is { } memberships)
        {
            var id = ActorResolver.CurrentBrand(chosen, memberships);
            return await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) ?? NoBrand;
        }

        var brand = chosen is int chosenId ? await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == chosenId, cancellationToken) : null;
        return brand ?? await db.Brands.AsNoTracking().OrderBy(b => b.Id).FirstAsync(cancellationToken);
    }

    /// <summary>Makes <paramref name="brandId"/> the brand this user works in, on every device, from the next page on.</summary>
    public async Task<Result<Brand>> SwitchAsync(string userId, int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == brandId, cancellationToken);
        if (brand is null || (await MembershipsAsync(db, userId, cancellationToken) is { } memberships && !memberships.ContainsKey(brandId)))
        {
            return Result.Fail<Brand>("That brand does not exist (it may have been deleted) or is not one of yours. Pick one from the list.");
        }

        var saved = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CurrentBrandId, brandId), cancellationToken);
        return saved == 1 ? brand : Result.Fail<Brand>("Your account was not found; sign in again.");
    }

    /// <summary>Stands in for a brand when someone belongs to none: nothing has its id, so every list is empty.</summary>
    public static readonly Brand NoBrand = new() { Id = 0, Name = "No brand", TimeZoneId = DefaultTimeZone };

    /// <summary>A member's brands and roles; null for an Admin (every brand).</summary>
    private static async Task<Dictionary<int, string>?> MembershipsAsync(OcmaDbContext db, string userId, CancellationToken cancellationToken)
    {
        var isAdmin = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).AnyAsync(n => n == Roles.Admin, cancellationToken);
        return isAdmin ? null : await db.BrandMemberships.Where(m => m.UserId == userId).ToDictionaryAsync(m => m.BrandId, m => m.Role, cancellationToken);
    }

    public async Task<Result<Brand>> UpdateAsync(int brandId, string name, string timeZoneId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<Brand>("Only an Admin can edit brands.");
        }

        name = name.Trim();
        if (BrandRules.Check(name, timeZoneId) is { } problem)
        {
            return Result.Fail<Brand>(problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Id == brandId, cancellationToken);
        if (brand is null)
        {
            return Result.Fail<Brand>("That brand no longer exists.");
        }

        if (await db.Brands.AnyAsync(b => b.Id != brandId && b.Name.ToLower() == name.ToLower(), cancellationToken))
        {
            return Result.Fail<Brand>(BrandRules.Duplicate(name));
        }

        var changes = $"name '{brand.Name}' → '{name}', zone {brand.TimeZoneId} → {timeZoneId}";
        brand.Name = name;
        brand.TimeZoneId = timeZoneId;
        audit.Add(db, actor, "brand.updated", $"brand {brand.Id}", changes);
        await db.SaveChangesAsync(cancellationToken);
        await live.PublishAsync(new BrandsChanged());
        return brand;
    }
}
