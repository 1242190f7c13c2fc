using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;
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
    /// The brand this user works in: the one they last chose, or the first brand when they never chose one or their
    /// choice was deleted (and for the system, which has no user).
    /// </summary>
    public async Task<Brand> GetCurrentAsync(string? userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chosen = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.CurrentBrandId).SingleOrDefaultAsync(cancellationToken);
        var brand = chosen is int id ? await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) : null;
        return brand ?? await db.Brands.AsNoTracking().OrderBy(b => b.Id).FirstAsync(cancellationToken);
    }

    /// <summary>Makes <paramref name="brandId"/> the brand this user works in, on every device, from the next page on.</summary>
    public async Task<Result<Brand>> SwitchAsync(string userId, int brandId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == brandId, cancellationToken);
        if (brand is null)
        {
            return Result.Fail<Brand>("That brand does not exist (it may have been deleted). Pick one from the list.");
        }

        var saved = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CurrentBrandId, brandId), cancellationToken);
        return saved == 1 ? brand : Result.Fail<Brand>("Your account was not found; sign in again.");
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
