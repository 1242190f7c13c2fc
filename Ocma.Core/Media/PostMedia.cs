using Ocma.Core.Posts;

namespace Ocma.Core.Media;

/// <summary>An image attached to a post, in the order it is shown.</summary>
public sealed class PostMedia
{
    public int PostId { get; set; }

    public Post? Post { get; set; }

    public int MediaAssetId { get; set; }

    public MediaAsset? Asset { get; set; }

    public int Position { get; set; }
}
