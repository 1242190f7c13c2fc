using System.Diagnostics;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Facebook;

/// <summary>Facebook Pages: Facebook Login, a long-lived user token traded for Page tokens that do not expire, feed and photo posts.</summary>
public sealed class FacebookConnector(ApiClientFactory<FacebookApiClient> clients, IOptions<FacebookOptions> options) : ISocialConnector
{
    public const string Key = "facebook";

    private readonly FacebookOptions _options = options.Value;

    public ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "Facebook Page",
        ConnectorCapabilities.Text | ConnectorCapabilities.Images | ConnectorCapabilities.Links,
        // No video yet (MaxVideos 0: the composer refuses it). Pages take videos up to about 10 GB / 240 min through /videos, a separate call from photos.
        new ContentLimits(options.Value.TextLimit, TextCounting.Graphemes, options.Value.MaxImages, options.Value.MaxImageBytes),
        AuthScheme.OAuth2)
    {
        RefreshNeedsApp = false, // Page tokens are only checked, never exchanged
    };

    public Uri BuildAuthorizationUrl(AuthorizationStart start) =>
        QueryString.Build(new Uri($"{_options.WebBaseUrl.TrimEnd('/')}/{_options.GraphVersion}/dialog/oauth"), new Dictionary<string, string>
        {
            ["client_id"] = start.App.ClientId,
            ["redirect_uri"] = start.RedirectUri.ToString(),
            ["state"] = start.State,
            ["scope"] = _options.Scopes,
            ["response_type"] = "code",
        });

    public async Task<ConnectorResult<ConnectedAccounts>> ExchangeCodeAsync(CodeExchange exchange, CancellationToken cancellationToken)
    {
        var client = clients.Create();
        var shortLived = await client.ExchangeCodeAsync(exchange.App, exchange.RedirectUri, exchange.Code, cancellationToken);
        if (!shortLived.Succeeded)
        {
            return shortLived.Failure!;
        }

        var longLived = await client.LongLivedAsync(exchange.App, shortLived.Value.AccessToken!, cancellationToken);
        if (!longLived.Succeeded)
        {
            return longLived.Failure!;
        }

        var pages = await client.PagesAsync(longLived.Value.AccessToken!, cancellationToken);
        if (!pages.Succeeded)
        {
            return pages.Failure!;
        }

        var scopes = _options.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var accounts = (pages.Value.Data ?? [])
            .Where(p => p.AccessToken is not null && (p.Tasks is null || p.Tasks.Contains("CREATE_CONTENT")))
            .Select(p => new ConnectableAccount(p.Id, p.Name ?? p.Id, null, new ChannelCredentials(p.Id, p.AccessToken!, null, null, scopes)))
            .ToList();
        return accounts.Count > 0
            ? ConnectorResult<ConnectedAccounts>.Success(new ConnectedAccounts(accounts))
            : ConnectorResult<ConnectedAccounts>.Fail(FailureKind.Misconfigured, "This Facebook sign-in manages no Page Ocma can post to: choose the Pages in the Facebook dialog, and make sure you may create content on them.");
    }

    /// <summary>Page tokens do not expire and have no refresh: refreshing checks the token still works.</summary>
    public async Task<ConnectorResult<ChannelCredentials>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        var page = await clients.Create().PageAsync(request.Credentials.AccountId, request.Credentials.AccessToken, cancellationToken);
        return page.Succeeded ? ConnectorResult<ChannelCredentials>.Success(request.Credentials) : page.Failure!;
    }

    public ContentValidation Validate(PostContent content)
    {
        var length = TextCounter.Count(content.Text, Descriptor.Limits);
        return new ContentValidation(length, Descriptor.Limits.MaxTextLength, ContentRules.Check(content, Descriptor.Limits, "Facebook", length));
    }

    public Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
        new FacebookPublisher(clients.Create(), _options).PublishAsync(request, cancellationToken);

    public Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken) =>
        new FacebookPublisher(clients.Create(), _options).LookupAsync(request, cancellationToken);

    public async Task<ConnectorResult<HealthReport>> ProbeHealthAsync(ChannelCredentials credentials, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var page = await clients.Create().PageAsync(credentials.AccountId, credentials.AccessToken, cancellationToken);
        return page.Succeeded
            ? ConnectorResult<HealthReport>.Success(new HealthReport(Stopwatch.GetElapsedTime(started), credentials.Scopes, [], null, null))
            : page.Failure!;
    }
}
