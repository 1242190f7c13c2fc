using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Bluesky;

/// <summary>Bluesky: app-password sessions (reused, refreshed with rotation), blobs, post records with UTF-8 byte facets.</summary>
public sealed partial class BlueskyConnector(ApiClientFactory<BlueskyApiClient> clients, IOptions<BlueskyOptions> options, TimeProvider time)
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
        AuthScheme.AppPassword);

    /// <summary>Bluesky has no consent page for app passwords: use <see cref="ConnectWithPasswordAsync"/>.</summary>
    public Uri BuildAuthorizationUrl(AuthorizationStart start) =>
        throw new NotSupportedException("Bluesky is connected with a handle and an app password (IPasswordConnector), not a consent page.");

    public Task<ConnectorResult<ConnectedAccounts>> ExchangeCodeAsync(CodeExchange exchange, CancellationToken cancellationToken) =>
        Task.FromResult(ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Misconfigured, "Bluesky is connected with a handle and an app password, not a sign-in code."));

    public async Task<ConnectorResult<ConnectedAccounts>> ConnectWithPasswordAsync(string handle, string appPassword, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(handle))
        {
            return ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, "Enter the Bluesky handle, for example team.bsky.social.");
        }

        if (!AppPassword().IsMatch(appPassword ?? string.Empty))
        {
            return ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, "Use an app password (Bluesky Settings → Privacy and security → App passwords), in the form xxxx-xxxx-xxxx-xxxx — never the account password.");
        }

        if (ServiceUri(serviceUrl ?? _options.DefaultServiceUrl) is not { } service)
        {
            return ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, $"'{serviceUrl}' is not a Bluesky server address Ocma can use: give its https address.");
        }

        var session = await clients.Create().CreateSessionAsync(service, new BlueskyLogin(handle.Trim().TrimStart('@'), appPassword!), cancellationToken);
        if (!session.Succeeded)
        {
            return session.Failure!.Kind == FailureKind.AuthRevoked
                ? ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, "Bluesky did not accept that handle and app password: check both and try again.", session.Failure.PlatformCode)
                : session.Failure;
        }

        var s = session.Value;
        if (s.Active == false)
        {
            return ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, "This Bluesky account is deactivated or suspended.");
        }

        var home = PdsEndpoint(s.DidDoc) ?? service;
        var credentials = new ChannelCredentials(s.Did, s.AccessJwt, s.RefreshJwt, BlueskyTokens.ExpiresUtc(s.AccessJwt), ["app-password"], home.ToString());
        return ConnectorResult<ConnectedAccounts>.Success(new ConnectedAccounts([new ConnectableAccount(s.Did, s.Handle, "@" + s.Handle, credentials)]));
    }

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
            return session.Failure!.Kind is FailureKind.AuthExpired or FailureKind.AuthRevoked or FailureKind.Rejected
                ? ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, "Bluesky no longer renews this channel's session: reconnect it with an app password.", session.Failure.PlatformCode)
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

        var (_, remaining, reset) = probe.Value;
        return ConnectorResult<HealthReport>.Success(new HealthReport(Stopwatch.GetElapsedTime(started), credentials.Scopes, [], remaining, reset?.UtcDateTime));
    }

    private Uri Service(ChannelCredentials credentials) =>
        ServiceUri(credentials.InstanceUrl ?? _options.DefaultServiceUrl) ?? throw new InvalidOperationException("A Bluesky channel must carry a usable server address.");

    private Uri? ServiceUri(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (_options.AllowHttpServices && uri.Scheme == Uri.UriSchemeHttp))
            ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/")
            : null;

    /// <summary>The account's own server, from the DID document the session returned.</summary>
    private Uri? PdsEndpoint(JsonElement? didDoc)
    {
        if (didDoc is not { ValueKind: JsonValueKind.Object } doc || !doc.TryGetProperty("service", out var services) || services.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var pds = services.EnumerateArray().FirstOrDefault(s => s.TryGetProperty("id", out var id) && id.GetString()?.EndsWith("#atproto_pds", StringComparison.Ordinal) == true);
        return pds.ValueKind == JsonValueKind.Object && pds.TryGetProperty("serviceEndpoint", out var endpoint) && endpoint.GetString() is { } url ? ServiceUri(url) : null;
    }

    [GeneratedRegex("^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$")]
    private static partial Regex AppPassword();
}
