namespace Ocma.Core.Media;

/// <summary>Turns the media ids a composer submitted into the brand's library assets, in the order given.</summary>
public static class MediaAttachment
{
    /// <summary>Most images one post may carry, whatever the channels allow.</summary>
    public const int MaxPerPost = 10;

    public static Result<IReadOnlyList<MediaAsset>> Resolve(IReadOnlyList<int>? mediaIds, int brandId, IReadOnlyDictionary<int, MediaAsset> known)
    {
        var ids = (mediaIds ?? []).Distinct().ToList();
        if (ids.Count > MaxPerPost)
        {
            return Result.Fail<IReadOnlyList<MediaAsset>>($"Attach at most {MaxPerPost} images to one post; remove {ids.Count - MaxPerPost}.");
        }

        var assets = ids.Select(id => known.GetValueOrDefault(id)).Where(a => a is not null && a.BrandId == brandId).Select(a => a!).ToList();
        return assets.Count == ids.Count
            ? assets
            : Result.Fail<IReadOnlyList<MediaAsset>>("One of the attached images is no longer in the media library. Remove it and attach it again.");
    }
}
