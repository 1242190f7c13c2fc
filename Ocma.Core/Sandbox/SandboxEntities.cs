namespace Ocma.Core.Sandbox;

/// <summary>An account on the built-in practice platform.</summary>
public sealed class SandboxAccount
{
    public int Id { get; set; }

    public required string Handle { get; set; }

    public required string DisplayName { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A post on the practice platform's feed.</summary>
public sealed class SandboxPost
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public SandboxAccount? Account { get; set; }

    public required string Text { get; set; }

    /// <summary>The client's idempotency key; a second publish with the same key returns this post.</summary>
    public string? IdempotencyKey { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>An authorization code or token the practice platform issued. Only hashes are stored.</summary>
public sealed class SandboxCredential
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public SandboxCredentialKind Kind { get; set; }

    /// <summary>SHA-256 of the code or token.</summary>
    public required string Hash { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public bool Used { get; set; }

    /// <summary>For codes: the redirect URI and PKCE challenge the code is bound to.</summary>
    public string? RedirectUri { get; set; }

    public string? CodeChallenge { get; set; }
}

public enum SandboxCredentialKind
{
    AuthorizationCode,
    AccessToken,
    RefreshToken,
}

/// <summary>The practice platform's failure switch: the next publishes fail the chosen way.</summary>
public sealed class SandboxSwitch
{
    public int Id { get; set; }

    public SandboxFailureMode Mode { get; set; }

    /// <summary>How many more publishes fail; 0 means the switch is off.</summary>
    public int RemainingFailures { get; set; }
}

public enum SandboxFailureMode
{
    None,
    /// <summary>503: the platform is down.</summary>
    Unavailable,
    /// <summary>429 with a Retry-After of 60 seconds.</summary>
    RateLimited,
    /// <summary>422: the content is refused by moderation.</summary>
    Rejected,
    /// <summary>401: the user revoked access.</summary>
    Revoked,
    /// <summary>The post is stored but the answer never comes back.</summary>
    ConnectionDropped,
    /// <summary>The post is stored, then the platform answers 500 (as a failing gateway does).</summary>
    StoredThenError,
    /// <summary>The post is stored, then no answer comes before the client gives up waiting.</summary>
    StoredThenTimeout,
}

/// <summary>An image on a practice-platform post: the platform keeps its own copy of the bytes, as a real one would.</summary>
public sealed class SandboxImage
{
    public int Id { get; set; }

    public int PostId { get; set; }

    public int Position { get; set; }

    public required string ContentType { get; set; }

    public string? AltText { get; set; }

    public required byte[] Data { get; set; }
}
