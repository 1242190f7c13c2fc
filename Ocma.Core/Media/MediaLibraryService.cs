using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Media;

/// <summary>The library's use cases after upload: browse and search, alt text, which posts use an asset, delete when unused.</summary>
public sealed class MediaLibraryService(IDbContextFactory<OcmaDbContext> dbFactory, MediaStore store, AuditLog audit)
{
    public const int MaxAltTextLength = 1500;

    public async Task<IReadOnlyList<MediaListItem>> ListAsync(MediaQuery query, CancellationToken cancellationToken) =>
        (await PageAsync(query, new MediaSort(), 0, int.MaxValue, cancellationToken)).Items;

    /// <summary>One page of the library, searched, filtered and sorted in the database.</summary>
    public async Task<MediaRows> PageAsync(MediaQuery query, MediaSort sort, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assets = db.MediaAssets.AsNoTracking().Where(a => a.BrandId == query.BrandId);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            assets = assets.Where(a => EF.Functions.Like(a.FileName, pattern, "\\") || EF.Functions.Like(a.AltText ?? "", pattern, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(query.ContentType))
        {
            assets = assets.Where(a => a.ContentType == query.ContentType);
        }

        assets = query.Filter switch
        {
            MediaFilter.MissingAltText => assets.Where(a => a.AltText == null || a.AltText == ""),
            MediaFilter.Unused => assets.Where(a => !db.PostMedia.Any(m => m.MediaAssetId == a.Id)),
            _ => assets,
        };
        var total = await assets.CountAsync(cancellationToken);
        var items = await Sorted(assets, sort).Skip(Math.Max(0, skip)).Take(Math.Max(1, take))
            .Select(a => new MediaListItem(a.Id, a.FileName, a.ContentType, a.Length, a.Width, a.Height, a.AltText, a.UploadedUtc, a.UploadedByName,
                db.PostMedia.Count(m => m.MediaAssetId == a.Id), a.DurationSeconds))
            .ToListAsync(cancellationToken);
        return new MediaRows(items, total);
    }

    public async Task<MediaAsset?> FindAsync(int assetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MediaAssets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, cancellationToken);
    }

    /// <summary>The images attached to a post, in order.</summary>
    public async Task<IReadOnlyList<MediaAsset>> ForPostAsync(int postId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PostMedia.AsNoTracking().Where(m => m.PostId == postId).OrderBy(m => m.Position).Select(m => m.Asset!).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MediaUsage>> UsageAsync(int assetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var posts = await db.PostMedia.AsNoTracking().Where(m => m.MediaAssetId == assetId).OrderByDescending(m => m.PostId)
            .Select(m => new { m.Post!.Id, m.Post.Text, m.Post.CreatedUtc }).ToListAsync(cancellationToken);
        return posts.Select(p => new MediaUsage(p.Id, p.Text.Length <= 60 ? p.Text : p.Text[..60] + "…", p.CreatedUtc)).ToList();
    }

    public async Task<Result<MediaAsset>> SetAltTextAsync(int assetId, string? altText, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanCompose)
        {
            return Result.Fail<MediaAsset>("Your role cannot change media. Ask an Admin for the Contributor or Editor role.");
        }

        var text = altText?.Trim();
        if (text?.Length > MaxAltTextLength)
        {
            return Result.Fail<MediaAsset>($"Shorten the alt text to {MaxAltTextLength:N0} characters; it has {text.Length:N0}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var asset = await db.MediaAssets.SingleOrDefaultAsync(a => a.Id == assetId, cancellationToken);
        if (asset is null)
        {
            return Result.Fail<MediaAsset>("That image is no longer in the library.");
        }

        asset.AltText = string.IsNullOrEmpty(text) ? null : text;
        audit.Add(db, actor, "media.alt-text", $"media {asset.FileName}", asset.AltText is null ? "cleared" : "set");
        await db.SaveChangesAsync(cancellationToken);
        return asset;
    }

    /// <summary>Deletes an asset no post uses; its file goes too once no other asset shares the same bytes.</summary>
    public async Task<Result<string>> DeleteAsync(int assetId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanCompose)
        {
            return Result.Fail<string>("Your role cannot delete media. Ask an Admin for the Contributor or Editor role.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var asset = await db.MediaAssets.SingleOrDefaultAsync(a => a.Id == assetId, cancellationToken);
        if (asset is null)
        {
            return Result.Fail<string>("That image is no longer in the library.");
        }

        var usedBy = await db.PostMedia.Where(m => m.MediaAssetId == assetId).OrderBy(m => m.PostId).Select(m => m.PostId).ToListAsync(cancellationToken);
        if (usedBy.Count > 0)
        {
            return Result.Fail<string>($"'{asset.FileName}' is used by post{(usedBy.Count == 1 ? "" : "s")} {string.Join(", ", usedBy.Select(id => "#" + id))}. Remove it from {(usedBy.Count == 1 ? "that post" : "those posts")} first.");
        }

        db.MediaAssets.Remove(asset);
        audit.Add(db, actor, "media.deleted", $"media {asset.FileName}", asset.Sha256);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Result.Fail<string>($"'{asset.FileName}' was just attached to a post, so it was kept. Remove it from that post first.");
        }

        if (!await db.MediaAssets.AnyAsync(a => a.Sha256 == asset.Sha256, cancellationToken))
        {
            store.Remove(asset.Sha256);
        }

        return asset.FileName;
    }

    private static IQueryable<MediaAsset> Sorted(IQueryable<MediaAsset> assets, MediaSort sort) => (sort.By, sort.Descending) switch
    {
        (MediaSortBy.Name, false) => assets.OrderBy(a => a.FileName).ThenBy(a => a.Id),
        (MediaSortBy.Name, true) => assets.OrderByDescending(a => a.FileName).ThenByDescending(a => a.Id),
        (MediaSortBy.Size, false) => assets.OrderBy(a => a.Length).ThenBy(a => a.Id),
        (MediaSortBy.Size, true) => assets.OrderByDescending(a => a.Length).ThenByDescending(a => a.Id),
        (_, false) => assets.OrderBy(a => a.UploadedUtc).ThenBy(a => a.Id),
        _ => assets.OrderByDescending(a => a.UploadedUtc).ThenByDescending(a => a.Id),
    };
}
