using System.Diagnostics;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.LinkedIn;

/// <summary>LinkedIn: OAuth code flow (no PKCE), member and organization accounts, versioned REST, images by upload URL.</summary>
public sealed class LinkedInConnector(ApiClientFactory<LinkedInApiClient> clients, IOptions<LinkedInOptions> options, TimeProvider time) : ISocialConnector
{
    public const string Key = "linkedin";

    private static readonly string[] PostingRoles = ["ADMINISTRATOR", "CONTENT_ADMINISTRATOR", "DIRECT_SPONSORED_CONTENT_POSTER"];

    private readonly LinkedInOptions _options = options.Value;

    public ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "LinkedIn",
        ConnectorCapabilities.Text | ConnectorCapabilities.Images | ConnectorCapabilities.Links | ConnectorCapabilities.Refresh,
        // No video yet (MaxVideos 0: the composer refuses it). LinkedIn takes one MP4 of 3 s to 30 min, up to 500 MB for organizations.
        new ContentLimits(options.Value.TextLimit, TextCounting.Graphemes, options.Value.MaxImages, options.Value.MaxImageBytes, MaxImagePixels: 36_152_320),
        AuthScheme.OAuth2);

    public Uri BuildAuthorizationUrl(AuthorizationStart start) =>
        QueryString.Build(new Uri(_options.AuthBaseUrl.TrimEnd('/') + "/oauth/v2/authorization"), new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = start.App.ClientId,
            ["redirect_uri"] = start.RedirectUri.ToString(),
            ["state"] = start.State,
            ["scope"] = string.Join(' ', LinkedInScopes.Requested(_options.Scopes)),
        });

    public async Task<ConnectorResult<ConnectedAccounts>> ExchangeCodeAsync(CodeExchange exchange, CancellationToken cancellationToken)
    {
        var client = clients.Create();
        var tokens = await client.TokenAsync(OAuthGrant.AuthorizationCode, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = exchange.Code,
            ["redirect_uri"] = exchange.RedirectUri.ToString(),
            ["client_id"] = exchange.App.ClientId,
            ["client_secret"] = exchange.App.ClientSecret ?? string.Empty,
        }, cancellationToken);
        if (!tokens.Succeeded)
        {
            return tokens.Failure!;
        }

        var grant = ToCredentials(tokens.Value, string.Empty, null);
        var accounts = await new LinkedInAccounts(client, PostingRoles).ListAsync(grant, cancellationToken);
        return accounts.Succeeded ? ConnectorResult<ConnectedAccounts>.Success(new ConnectedAccounts(accounts.Value)) : accounts.Failure!;
    }

    /// <summary>Only apps LinkedIn approved for refresh get a refresh token; its lifetime is fixed from the first consent.</summary>
    public async Task<ConnectorResult<ChannelCredentials>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        if (request.Credentials.RefreshToken is not { } refresh)
        {
            return ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, "LinkedIn does not renew this app's sign-ins: reconnect the channel (LinkedIn asks every 60 days).");
        }

        if (request.App is not { } app)
        {
            return ConnectorResult<ChannelCredentials>.Fail(FailureKind.Misconfigured, "LinkedIn renews sign-ins only with the app's client id and secret, and none were given.");
        }

        var tokens = await clients.Create().TokenAsync(OAuthGrant.RefreshToken, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refresh,
            ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret ?? string.Empty,
        }, cancellationToken);
        return tokens.Succeeded
            ? ConnectorResult<ChannelCredentials>.Success(ToCredentials(tokens.Value, request.Credentials.AccountId, refresh))
            : tokens.Failure!;
    }

    public ContentValidation Validate(PostContent content)
    {
        var length = TextCounter.Count(content.Text, Descriptor.Limits);
        var problems = ContentRules.Check(content, Descriptor.Limits, "LinkedIn", length);
        return new ContentValidation(length, Descriptor.Limits.MaxTextLength, problems);
    }

    public Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
        new LinkedInPublisher(clients.Create(), _options).PublishAsync(request, cancellationToken);

    public Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken) =>
        new LinkedInPublisher(clients.Create(), _options).LookupAsync(request, cancellationToken);

    public async Task<ConnectorResult<HealthReport>> ProbeHealthAsync(ChannelCredentials credentials, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var me = await clients.Create().UserInfoAsync(credentials, cancellationToken);
        if (!me.Succeeded)
        {
            return me.Failure!;
        }

        // Posting, and reading posts back where Ocma asks for it (the look-up after a lost answer needs it): a connection made before is reported.
        var read = LinkedInScopes.ReadScopeFor(credentials.AccountId);
        string[] needed = LinkedInScopes.Requested(_options.Scopes).Contains(read, StringComparer.Ordinal)
            ? [LinkedInScopes.WriteScopeFor(credentials.AccountId), read]
            : [LinkedInScopes.WriteScopeFor(credentials.AccountId)];
        IReadOnlyList<string> missing = [.. needed.Except(credentials.Scopes, StringComparer.Ordinal)];
        return ConnectorResult<HealthReport>.Success(new HealthReport(Stopwatch.GetElapsedTime(started), credentials.Scopes, missing, null, null));
    }

    private ChannelCredentials ToCredentials(OAuthTokens tokens, string accountId, string? previousRefresh) => new(
        accountId,
        tokens.AccessToken!,
        tokens.RefreshToken ?? previousRefresh,
        tokens.ExpiresIn is { } seconds ? time.GetUtcNow().UtcDateTime.AddSeconds(seconds) : null,
        tokens.Scope is { } granted ? granted.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [.. LinkedInScopes.Requested(_options.Scopes)]);
}
