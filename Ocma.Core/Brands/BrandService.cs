using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Calendar;
using Ocma.Core.Data;

namespace Ocma.Core.Brands;

/// <summary>Reads and edits brands. A default brand exists from the first start.</summary>
public sealed class BrandService(IDbContextFactory<OcmaDbContext> dbFactory, AuditLog audit, TimeProvider time)
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

    /// <summary>The brand the console works in (the first one, until workspaces can be switched).</summary>
    public async Task<Brand> GetCurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Brands.AsNoTracking().OrderBy(b => b.Id).FirstAsync(cancellationToken);
    }

    public async Task<Result<Brand>> UpdateAsync(int brandId, string name, string timeZoneId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<Brand>("Only an Admin can edit brands.");
        }

        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            return Result.Fail<Brand>("Give the brand a name of 1 to 100 characters.");
        }

        if (!ZoneClock.TryFindZone(timeZoneId, out _))
        {
            return Result.Fail<Brand>($"'{timeZoneId}' is not a time zone this server knows. Use an IANA name such as Europe/Berlin or America/New_York.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Id == brandId, cancellationToken);
        if (brand is null)
        {
            return Result.Fail<Brand>("That brand no longer exists.");
        }

        var changes = $"name '{brand.Name}' → '{name}', zone {brand.TimeZoneId} → {timeZoneId}";
        brand.Name = name;
        brand.TimeZoneId = timeZoneId;
        audit.Add(db, actor, "brand.updated", $"brand {brand.Id}", changes);
        await db.SaveChangesAsync(cancellationToken);
        return brand;
    }
}
