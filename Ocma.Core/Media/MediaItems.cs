using Ocma.Core.Connectors;

namespace Ocma.Core.Media;

/// <summary>
/// Library assets as the connector contract carries them: metadata, alt text, the bytes opened from the store on demand,
/// and a time-limited public address when Ocma has one (<c>PublicBaseUrl</c>) for platforms that fetch images themselves.
/// </summary>
public sealed class MediaItems(MediaStore store, MediaPublicLinks publicLinks)
{
    public IReadOnlyList<MediaItem> From(IEnumerable<MediaAsset> assets) =>
        assets.Select(a => new MediaItem(a.FileName, a.ContentType, a.Length, a.AltText, _ => Task.FromResult(store.OpenRead(a.Sha256)),
            PublicUrl: publicLinks.For(a), Width: a.Width, Height: a.Height, Duration: a.Duration)).ToList();
}
