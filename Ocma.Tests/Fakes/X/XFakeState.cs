namespace Ocma.Tests.Fakes.X;

public sealed record XFakeClient(string ClientId, string? ClientSecret, string RedirectUri);

public sealed record XFakeCode(string ClientId, string RedirectUri, string Challenge, string ChallengeMethod, string[] Scopes, DateTimeOffset IssuedAt)
{
    public bool Used { get; set; }
}

public sealed record XFakeToken(string UserId, string[] Scopes, DateTimeOffset Expires)
{
    public bool Revoked { get; set; }
}

public sealed record XFakeMedia(string Id, long TotalBytes, DateTimeOffset Expires)
{
    public int NextSegment { get; set; }

    public long Received { get; set; }

    public bool Finalized { get; set; }

    public int PollsLeft { get; set; }

    public bool Fails { get; set; }

    public string State => !Finalized ? "uploading" : PollsLeft > 0 ? "in_progress" : Fails ? "failed" : "succeeded";
}

public sealed record XFakeTweet(string Id, string UserId, string Text, DateTimeOffset CreatedAt, IReadOnlyList<string> MediaIds);

/// <summary>X API access tiers, as far as they change what the fake allows.</summary>
public enum XAccessTier
{
    Free,
    Basic,
    Pro,
}
