using System.Diagnostics;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.X;

/// <summary>X: OAuth 2.0 with PKCE (Basic auth for confidential clients), rotating refresh tokens, weighted 280, chunked media.</summary>
public sealed class XConnector(ApiClientFactory<XApiClient> clients, IOptions<XOptions> options, TimeProvider time) : ISocialConnector
{
    public const string Key = "x";

    private readonly XOptions _options = options.Value;

    public ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "X",
        ConnectorCapabilities.Text | ConnectorCapabilities.Images | ConnectorCapabilities.Links | ConnectorCapabilities.Refresh,
        // No video yet (MaxVideos 0: the composer refuses it). X itself takes one MP4 (H.264/AAC) up to 512 MB and 140 s, not mixed with images.
        new ContentLimits(options.Value.TextLimit, TextCounting.Weighted, options.Value.MaxImages, options.Value.MaxImageBytes, 23),
        AuthScheme.OAuth2);

    public Uri BuildAuthorizationUrl(AuthorizationStart start) =>
        QueryString.Build(new Uri(_options.AuthorizeUrl), new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = start.App.ClientId,
            ["redirect_uri"] = start.RedirectUri.ToString(),
            ["scope"] = _options.Scopes,
            ["state"] = start.State,
            ["code_challenge"] = start.CodeChallenge,
            ["code_challenge_method"] = "S256",
        });

    public async Task<ConnectorResult<ConnectedAccounts>> ExchangeCodeAsync(CodeExchange exchange, CancellationToken cancellationToken)
    {
        var client = clients.Create();
        var tokens = await client.TokenAsync(OAuthGrant.AuthorizationCode, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = exchange.Code,
            ["redirect_uri"] = exchange.RedirectUri.ToString(),
            ["code_verifier"] = exchange.CodeVerifier,
            ["client_id"] = exchange.App.ClientId,
        }, exchange.App, cancellationToken);
        if (!tokens.Succeeded)
        {
            return tokens.Failure!;
        }

        var credentials = ToCredentials(tokens.Value, accountId: string.Empty);
        var me = await client.MeAsync(credentials, cancellationToken);
        if (!me.Succeeded)
        {
            return me.Failure!;
        }

        var user = me.Value.User;
        var account = new ConnectableAccount(user.Id, user.Name ?? user.Username ?? user.Id, user.Username is null ? null : "@" + user.Username, credentials with { AccountId = user.Id });
        return ConnectorResult<ConnectedAccounts>.Success(new ConnectedAccounts([account]));
    }

    /// <summary>X rotates refresh tokens: the returned credentials carry the new one, and the old one is dead.</summary>
    public async Task<ConnectorResult<ChannelCredentials>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        if (request.Credentials.RefreshToken is not { } refresh)
        {
            return ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, "This X channel was connected without offline access, so it cannot be renewed: reconnect it.");
        }

        if (request.App is not { } app)
        {
            return ConnectorResult<ChannelCredentials>.Fail(FailureKind.Misconfigured, "X renews sign-ins only with the app's client id, and none was given.");
        }

        var tokens = await clients.Create().TokenAsync(OAuthGrant.RefreshToken, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refresh,
            ["client_id"] = app.ClientId,
        }, app, cancellationToken);
        return tokens.Succeeded
            ? ConnectorResult<ChannelCredentials>.Success(ToCredentials(tokens.Value, request.Credentials.AccountId))
            : tokens.Failure!;
    }

    public ContentValidation Validate(PostContent content)
    {
        var length = TextCounter.Count(content.Text.Normalize(System.Text.NormalizationForm.FormC), Descriptor.Limits);
        return new ContentValidation(length, Descriptor.Limits.MaxTextLength, ContentRules.Check(content, Descriptor.Limits, "X", length));
    }

    public Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
        new XPublisher(clients.Create(), _options).PublishAsync(request, cancellationToken);

    public Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken) =>
        new XPublisher(clients.Create(), _options).LookupAsync(request, cancellationToken);

    public async Task<ConnectorResult<HealthReport>> ProbeHealthAsync(ChannelCredentials credentials, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var me = await clients.Create().MeAsync(credentials, cancellationToken);
        if (!me.Succeeded)
        {
            return me.Failure!;
        }

        var missing = _options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Except(credentials.Scopes, StringComparer.Ordinal).ToList();
        return ConnectorResult<HealthReport>.Success(new HealthReport(Stopwatch.GetElapsedTime(started), credentials.Scopes, missing, me.Value.Remaining, me.Value.Reset?.UtcDateTime));
    }

    private ChannelCredentials ToCredentials(OAuthTokens tokens, string accountId) => new(
        accountId,
        tokens.AccessToken!,
        tokens.RefreshToken,
        tokens.ExpiresIn is { } seconds ? time.GetUtcNow().UtcDateTime.AddSeconds(seconds) : null,
        (tokens.Scope ?? _options.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
