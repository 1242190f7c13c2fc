namespace Ocma.Core.Connectors;

/// <summary>What the connector needs to send people to the platform's consent page.</summary>
/// <param name="RedirectUri">Ocma's callback URL; must match the platform app's registration exactly.</param>
/// <param name="State">Opaque protected state Ocma checks on the way back.</param>
/// <param name="CodeChallenge">PKCE S256 challenge (base64url of SHA-256 of the verifier).</param>
/// <param name="InstanceUrl">The server the user named, for per-instance platforms.</param>
/// <param name="App">The platform app's client credentials (from the Admin secrets or configuration).</param>
public sealed record AuthorizationStart(Uri RedirectUri, string State, string CodeChallenge, PlatformApp App, string? InstanceUrl = null);

/// <summary>The callback's code, to be exchanged once for a grant.</summary>
public sealed record CodeExchange(string Code, Uri RedirectUri, string CodeVerifier, PlatformApp App, string? InstanceUrl = null);

/// <summary>Refresh a grant ahead of its expiry (or after the platform said it expired).</summary>
/// <param name="App">The platform app's credentials; null when the connector's descriptor says refreshing does not need them.</param>
public sealed record RefreshRequest(ChannelCredentials Credentials, PlatformApp? App);

/// <summary>
/// A platform app's client credentials. Passed in per call: connectors never read the vault themselves.
/// ToString hides the secret.
/// </summary>
public sealed record PlatformApp(string ClientId, string? ClientSecret)
{
    public override string ToString() => $"PlatformApp {{ ClientId = {ClientId} }}";
}

/// <summary>An account the grant gives access to; a platform may offer several (Pages, organizations).</summary>
public sealed record ConnectableAccount(string AccountId, string DisplayName, string? Handle, ChannelCredentials Credentials);

/// <summary>What a code exchange produced: one or more accounts to connect.</summary>
public sealed record ConnectedAccounts(IReadOnlyList<ConnectableAccount> Accounts);

/// <summary>Content as it will be sent to one channel.</summary>
public sealed record PostContent(string Text, IReadOnlyList<MediaItem> Media)
{
    public static PostContent TextOnly(string text) => new(text, []);
}

/// <summary>A media file attached to a post.</summary>
/// <param name="Width">Pixels across, when known (read from the image when it entered the library); checked against platform limits.</param>
/// <param name="Height">Pixels down, when known.</param>
/// <param name="Duration">How long a video plays, when known (read from the file when it entered the library); null for images.</param>
/// <param name="PublicUrl">
/// Where the platform itself can fetch the file, for platforms that only take media by URL (Instagram). Null when
/// Ocma's media is not reachable from the internet.
/// </param>
public sealed record MediaItem(string FileName, string ContentType, long Length, string? AltText, Func<CancellationToken, Task<Stream>> OpenRead, Uri? PublicUrl = null, int? Width = null, int? Height = null, TimeSpan? Duration = null)
{
    public bool IsVideo => ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Publish one target. The idempotency key is the same for every attempt of the same target.</summary>
public sealed record PublishRequest(ChannelCredentials Credentials, PostContent Content, string IdempotencyKey);

/// <summary>Find out whether an earlier attempt of the target reached the platform.</summary>
public sealed record LookupRequest(ChannelCredentials Credentials, PostContent Content, string IdempotencyKey, DateTime SentAfterUtc);

/// <summary>Where a published post lives on the platform.</summary>
public sealed record PublishedPost(string PlatformPostId, Uri? Url);

/// <summary>What a health probe found.</summary>
public sealed record HealthReport(TimeSpan Latency, IReadOnlyList<string> GrantedScopes, IReadOnlyList<string> MissingScopes, int? RateLimitRemaining, DateTime? RateLimitResetUtc);
