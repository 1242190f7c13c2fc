namespace Ocma.Tests.Fakes.Facebook;

public sealed record FacebookFakeCode(string RedirectUri, DateTimeOffset IssuedAt)
{
    public bool Used { get; set; }
}

/// <summary>A user token (short- or long-lived) or a Page token (PageId set, no expiry).</summary>
public sealed record FacebookFakeToken(string? PageId, DateTimeOffset? Expires)
{
    public bool Invalidated { get; set; }
}

public sealed record FacebookFakePost(string Id, string PageId, string Message, DateTimeOffset CreatedAt, IReadOnlyList<string> PhotoIds);
