namespace Ocma.Tests.Fakes.LinkedIn;

public sealed record LinkedInFakeCode(string RedirectUri, string[] Scopes, DateTimeOffset IssuedAt)
{
    public bool Used { get; set; }
}

public sealed record LinkedInFakeToken(string MemberId, string[] Scopes, DateTimeOffset Expires)
{
    public bool Revoked { get; set; }
}

public sealed record LinkedInFakeRefresh(string MemberId, string[] Scopes, DateTimeOffset Expires);

public sealed record LinkedInFakeImage(string Urn, string Owner, string UploadToken)
{
    public string Status { get; set; } = "WAITING_UPLOAD";

    public int PollsLeft { get; set; }
}

public sealed record LinkedInFakePost(string Urn, string Author, string Commentary, string RenderedText, DateTimeOffset CreatedAt, IReadOnlyList<string> Images);
