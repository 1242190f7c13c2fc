using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Bluesky;

/// <summary>Bluesky: app-password sessions (reused, refreshed with rotation), blobs, post records with UTF-8 byte facets.</summary>
public sealed class BlueskyConnector(ApiClientFactory<BlueskyApiClient> clients, IOptions<BlueskyOptions> options, TimeProvider time)
    : ISocialConnector, IPasswordConnector
{
    public const string Key = "bluesky";

    private readonly BlueskyOptions _options = options.Value;

    public ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "Bluesky",
        ConnectorCapabilities.Text | ConnectorCapabilities.Images | ConnectorCapabilities.Links | ConnectorCapabilities.IdempotencyKey | ConnectorCapabilities.Refresh,
        // No video yet (MaxVideos 0: the composer refuses it). Bluesky takes one MP4 up to 100 MB and 3 minutes, not mixed with images (its published limits; the reference doc is silent).
        new ContentLimits(options.Value.TextLimit, TextCounting.Graphemes, options.Value.MaxImages, options.Value.MaxImageBytes),
        AuthScheme.AppPassword)
    {
        RefreshNeedsApp = false, // a session is renewed with its refresh JWT alone
        LookupMissIsProof = true, // ADR 0014
    };

    /// <summary>Bluesky has no consent page for app passwords: use <see cref="ConnectWithPasswordAsync"/>.</summary>
    public Uri BuildAuthorizationUrl(AuthorizationStart start) =>
        throw new NotSupportedException("Bluesky is connected with a handle and an app password (IPasswordConnector), not a consent page.");

    public Task<ConnectorResult<ConnectedAccounts>> ExchangeCodeAsync(CodeExchange exchange, CancellationToken cancellationToken) =>
        Task.FromResult(ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Misconfigured, "Bluesky is connected with a handle and an app password, not a sign-in code."));

    public Task<ConnectorResult<ConnectedAccounts>> ConnectWithPasswordAsync(string handle, string appPassword, string? serviceUrl, CancellationToken cancellationToken) =>
        new BlueskySignIn(clients.Create(), _options).ConnectAsync(handle, appPassword, serviceUrl, cancellationToken);

    public string DefaultServer => BlueskyServers.Parse(_options.DefaultServiceUrl, _options.AllowHttpServices)?.Authority ?? _options.DefaultServiceUrl;

    public async Task<ConnectorResult<ChannelCredentials>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        var old = request.Credentials;
        if (old.RefreshToken is null)
        {
            return ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, "The Bluesky session cannot be renewed: reconnect the channel with an app password.");
        }

        var session = await clients.Create().RefreshSessionAsync(Service(old), old.RefreshToken, cancellationToken);
        if (!session.Succeeded)
        {
            // 400 ExpiredToken "Token has been revoked" is what the server says once the app password was deleted.
            return session.Failure!.Kind is FailureKind.AuthExpired or FailureKind.AuthRevoked or FailureKind.Rejected
                ? ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, "Bluesky no longer renews this channel's session (its app password was deleted, or the session ended): reconnect it with a new app password.", session.Failure.PlatformCode)
                : session.Failure;
        }

        var s = session.Value;
        return ConnectorResult<ChannelCredentials>.Success(old with { AccessToken = s.AccessJwt, RefreshToken = s.RefreshJwt, AccessTokenExpiresUtc = BlueskyTokens.ExpiresUtc(s.AccessJwt) });
    }

    public ContentValidation Validate(PostContent content)
    {
        var length = TextCounter.Graphemes(content.Text);
        var problems = ContentRules.Check(content, Descriptor.Limits, "Bluesky", length);
        var bytes = Encoding.UTF8.GetByteCount(content.Text);
        if (bytes > _options.MaxTextBytes)
        {
            problems.Add($"Shorten the text: it takes {bytes} bytes and Bluesky allows {_options.MaxTextBytes}.");
        }

        return new ContentValidation(length, Descriptor.Limits.MaxTextLength, problems);
    }

    public Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
        new BlueskyPublisher(clients.Create(), _options, time).PublishAsync(request, Service(request.Credentials), cancellationToken);

    public Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken) =>
        new BlueskyPublisher(clients.Create(), _options, time).LookupAsync(request, Service(request.Credentials), cancellationToken);

    public async Task<ConnectorResult<HealthReport>> ProbeHealthAsync(ChannelCredentials credentials, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var probe = await clients.Create().GetSessionAsync(Service(credentials), credentials.AccessToken, cancellationToken);
        if (!probe.Succeeded)
        {
            return probe.Failure!;
        }

        var (account, remaining, reset) = probe.Value;
        return account.Active == false
            ? ConnectorResult<HealthReport>.Fail(FailureKind.AuthRevoked, $"Bluesky has suspended or deactivated this account ({account.Status ?? "inactive"}): reactivate it in Bluesky, then reconnect the channel.", account.Status)
            : ConnectorResult<HealthReport>.Success(new HealthReport(Stopwatch.GetElapsedTime(started), credentials.Scopes, [], remaining, reset?.UtcDateTime));
    }

    private Uri Service(ChannelCredentials credentials) =>
        BlueskyServers.Parse(credentials.InstanceUrl ?? _options.DefaultServiceUrl, _options.AllowHttpServices)
        ?? throw new InvalidOperationException("A Bluesky channel must carry a usable server address.");
}
