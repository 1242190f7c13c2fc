using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;
using Ocma.Core.Live;

namespace Ocma.Core.Brands;

/// <summary>An Admin adds brands, and removes a brand that has nothing in it yet.</summary>
public sealed class BrandAdminService(IDbContextFactory<OcmaDbContext> dbFactory, AuditLog audit, LiveStatus live, TimeProvider time)
{
    public async Task<Result<Brand>> CreateAsync(string name, string timeZoneId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<Brand>("Only an Admin can add brands.");
        }

        name = name.Trim();
        if (BrandRules.Check(name, timeZoneId) is { } problem)
        {
            return Result.Fail<Brand>(problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Brands.AnyAsync(b => b.Name.ToLower() == name.ToLower(), cancellationToken))
        {
            return Result.Fail<Brand>(BrandRules.Duplicate(name));
        }

        var brand = new Brand { Name = name, TimeZoneId = timeZoneId, CreatedUtc = time.GetUtcNow().UtcDateTime };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Brands.Add(brand);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor, "brand.created", Subject(brand.Id), $"'{name}' in {timeZoneId}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await live.PublishAsync(new BrandsChanged());
        return brand;
    }

    /// <summary>Deletes a brand with no channels, posts or media; its brand voice goes with it. The last brand stays.</summary>
    public async Task<Result<Brand>> DeleteAsync(int brandId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<Brand>("Only an Admin can delete brands.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Id == brandId, cancellationToken);
        if (brand is null)
        {
            return Result.Fail<Brand>("That brand no longer exists.");
        }

        if (await db.Brands.CountAsync(cancellationToken) == 1)
        {
            return Result.Fail<Brand>($"'{brand.Name}' is the only brand; the console needs at least one. Add another brand first.");
        }

        var inUse = new List<string>();
        AddIfAny(inUse, await db.Channels.CountAsync(c => c.BrandId == brandId, cancellationToken), "channel");
        AddIfAny(inUse, await db.Posts.CountAsync(p => p.BrandId == brandId, cancellationToken), "post");
        AddIfAny(inUse, await db.MediaAssets.CountAsync(m => m.BrandId == brandId, cancellationToken), "media file");
        if (inUse.Count > 0)
        {
            return Result.Fail<Brand>($"'{brand.Name}' still has {string.Join(", ", inUse)}. Only a brand with no channels, posts or media can be deleted.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.BrandVoices.Where(v => v.BrandId == brandId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.CurrentBrandId == brandId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CurrentBrandId, (int?)null), cancellationToken);
        db.Brands.Remove(brand);
        audit.Add(db, actor, "brand.deleted", Subject(brand.Id), $"'{brand.Name}'");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await live.PublishAsync(new BrandsChanged());
        return brand;
    }

    private static string Subject(int brandId) => string.Create(CultureInfo.InvariantCulture, $"brand {brandId}");

    private static void AddIfAny(List<string> inUse, int count, string noun)
    {
        if (count > 0)
        {
            inUse.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}"));
        }
    }
}
