using System.Diagnostics;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Mastodon;

/// <summary>Mastodon: per-server app registration, OAuth with PKCE, statuses with an Idempotency-Key, images processed asynchronously.</summary>
public sealed class MastodonConnector(ApiClientFactory<MastodonApiClient> clients, IOptions<MastodonOptions> options)
    : ISocialConnector, IAppRegisteringConnector
{
    public const string Key = "mastodon";

    private readonly MastodonOptions _options = options.Value;

    public ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "Mastodon",
        ConnectorCapabilities.Text | ConnectorCapabilities.Images | ConnectorCapabilities.Video | ConnectorCapabilities.Links | ConnectorCapabilities.IdempotencyKey,
        // Mastodon takes 4 images or 1 video, never both; it publishes no limit on a video's length, only on its size.
        new ContentLimits(options.Value.TextLimit, TextCounting.GraphemesWithFixedUrls, 4, options.Value.MaxImageBytes, 23,
            MaxVideos: 1, MaxVideoBytes: options.Value.MaxVideoBytes),
        AuthScheme.OAuth2PerInstance)
    {
        RefreshNeedsApp = false, // tokens are only checked; the per-server app is not needed
        LookupMissIsProof = true, // ADR 0014
    };

    public async Task<ConnectorResult<PlatformApp>> RegisterAppAsync(string instanceUrl, Uri redirectUri, CancellationToken cancellationToken)
    {
        if (MastodonInstance.Parse(instanceUrl, _options.AllowHttpInstances) is not { } instance)
        {
            return ConnectorResult<PlatformApp>.Fail(FailureKind.Rejected, MastodonInstance.Problem(instanceUrl));
        }

        var request = new MastodonAppRequest(_options.AppName, redirectUri.ToString(), _options.Scopes, _options.Website);
        var app = await clients.Create().RegisterAppAsync(instance, request, cancellationToken);
        if (!app.Succeeded)
        {
            return app.Failure!;
        }

        return app.Value.ClientId is { } id
            ? ConnectorResult<PlatformApp>.Success(new PlatformApp(id, app.Value.ClientSecret))
            : ConnectorHttp.Unreadable(MastodonErrors.Platform);
    }

    public Uri BuildAuthorizationUrl(AuthorizationStart start)
    {
        var instance = MastodonInstance.Parse(start.InstanceUrl, _options.AllowHttpInstances)
            ?? throw new ArgumentException(MastodonInstance.Problem(start.InstanceUrl), nameof(start));
        return QueryString.Build(new Uri(instance, "oauth/authorize"), new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = start.App.ClientId,
            ["redirect_uri"] = start.RedirectUri.ToString(),
            ["scope"] = _options.Scopes,
            ["state"] = start.State,
            ["code_challenge"] = start.CodeChallenge,
            ["code_challenge_method"] = "S256",
        });
    }

    public async Task<ConnectorResult<ConnectedAccounts>> ExchangeCodeAsync(CodeExchange exchange, CancellationToken cancellationToken)
    {
        if (MastodonInstance.Parse(exchange.InstanceUrl, _options.AllowHttpInstances) is not { } instance)
        {
            return ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Rejected, MastodonInstance.Problem(exchange.InstanceUrl));
        }

        var client = clients.Create();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = exchange.Code,
            ["redirect_uri"] = exchange.RedirectUri.ToString(),
            ["client_id"] = exchange.App.ClientId,
            ["client_secret"] = exchange.App.ClientSecret ?? string.Empty,
            ["code_verifier"] = exchange.CodeVerifier,
            ["scope"] = _options.Scopes,
        };
        var tokens = await client.ExchangeAsync(instance, form, OAuthGrant.AuthorizationCode, cancellationToken);
        if (!tokens.Succeeded)
        {
            return tokens.Failure!;
        }

        var token = tokens.Value.AccessToken!;
        var account = await client.VerifyCredentialsAsync(instance, token, cancellationToken);
        if (!account.Succeeded)
        {
            return account.Failure!;
        }

        var scopes = (tokens.Value.Scope ?? _options.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var credentials = new ChannelCredentials(account.Value.Id, token, null, null, scopes, instance.ToString());
        var me = account.Value;
        return ConnectorResult<ConnectedAccounts>.Success(new ConnectedAccounts(
            // Account ids are only unique on one server, so the channel is known by id and server together.
            [new ConnectableAccount($"{me.Id}@{instance.Authority}", string.IsNullOrEmpty(me.DisplayName) ? me.Username : me.DisplayName, "@" + (me.Acct ?? me.Username) + "@" + instance.Host, credentials)]));
    }

    /// <summary>Mastodon tokens do not expire and have no refresh token: refreshing checks the token still works.</summary>
    public async Task<ConnectorResult<ChannelCredentials>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        var instance = MastodonInstance.Of(request.Credentials, _options.AllowHttpInstances);
        var account = await clients.Create().VerifyCredentialsAsync(instance, request.Credentials.AccessToken, cancellationToken);
        return account.Succeeded ? ConnectorResult<ChannelCredentials>.Success(request.Credentials) : account.Failure!;
    }

    public ContentValidation Validate(PostContent content)
    {
        var length = TextCounter.Count(content.Text, Descriptor.Limits);
        return new ContentValidation(length, Descriptor.Limits.MaxTextLength, ContentRules.Check(content, Descriptor.Limits, "Mastodon", length));
    }

    public Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
        new MastodonPublisher(clients.Create(), _options).PublishAsync(request, MastodonInstance.Of(request.Credentials, _options.AllowHttpInstances), cancellationToken);

    public Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken) =>
        new MastodonPublisher(clients.Create(), _options).LookupAsync(request, MastodonInstance.Of(request.Credentials, _options.AllowHttpInstances), cancellationToken);

    public async Task<ConnectorResult<HealthReport>> ProbeHealthAsync(ChannelCredentials credentials, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var probe = await clients.Create().VerifyWithLimitsAsync(MastodonInstance.Of(credentials, _options.AllowHttpInstances), credentials.AccessToken, cancellationToken);
        if (!probe.Succeeded)
        {
            return probe.Failure!;
        }

        var wanted = _options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var missing = wanted.Where(s => !credentials.Scopes.Contains(s, StringComparer.Ordinal) && !credentials.Scopes.Contains(s.Split(':')[0], StringComparer.Ordinal)).ToList();
        var (_, remaining, reset) = probe.Value;
        return ConnectorResult<HealthReport>.Success(new HealthReport(Stopwatch.GetElapsedTime(started), credentials.Scopes, missing, remaining, reset?.UtcDateTime));
    }
}
