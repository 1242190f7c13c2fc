namespace Ocma.Tests.Fakes.Mastodon;

public sealed record MastodonFakeApp(string ClientId, string ClientSecret, string[] RedirectUris, string[] Scopes);

public sealed record MastodonFakeCode(string ClientId, string RedirectUri, string? Challenge, string ChallengeMethod, string Scope, DateTimeOffset IssuedAt)
{
    public bool Used { get; set; }
}

public sealed record MastodonFakeToken(string AccountId, string Scope)
{
    public bool Revoked { get; set; }
}

/// <param name="Description">The alt text sent with the upload.</param>
public sealed record MastodonFakeMedia(string Id, string AccountId, string? Description = null, long Length = 0)
{
    public int PollsLeft { get; set; }

    /// <summary>"image" or "video", from the uploaded file's type.</summary>
    public string Type { get; init; } = "image";
}

public sealed record MastodonFakeStatus(string Id, string AccountId, string Text, DateTimeOffset CreatedAt, string? IdempotencyKey, IReadOnlyList<string> MediaIds);
