namespace Ocma.Core.Posts;

/// <summary>What the team wrote once, delivered to one or more channels through its targets.</summary>
public sealed class Post
{
    public int Id { get; set; }

    public int BrandId { get; set; }

    public required string Text { get; set; }

    /// <summary>The team's brief or notes about the post, in Markdown; never published.</summary>
    public string? Notes { get; set; }

    /// <summary>The campaign the post belongs to (a short label such as "Spring sale"), for filtering; null for none.</summary>
    public string? Campaign { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<PostTarget> Targets { get; set; } = [];

    /// <summary>Images from the media library, in the order they are shown.</summary>
    public List<Media.PostMedia> Media { get; set; } = [];
}
