using Ocma.Core.Connectors;

namespace Ocma.Core.Media;

/// <summary>Library assets as the connector contract carries them: metadata, alt text, and the bytes opened from the store on demand.</summary>
public sealed class MediaItems(MediaStore store)
{
    public IReadOnlyList<MediaItem> From(IEnumerable<MediaAsset> assets) =>
        assets.Select(a => new MediaItem(a.FileName, a.ContentType, a.Length, a.AltText, _ => Task.FromResult(store.OpenRead(a.Sha256)), Width: a.Width, Height: a.Height)).ToList();
}
