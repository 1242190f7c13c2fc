using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Instagram;

/// <summary>Instagram (professional accounts, Instagram Login): 60-day tokens renewed with ig_refresh_token, image and carousel posts by URL.</summary>
public sealed partial class InstagramConnector(ApiClientFactory<InstagramApiClient> clients, IOptions<InstagramOptions> options, TimeProvider time) : ISocialConnector
{
    public const string Key = "instagram";

    private readonly InstagramOptions _options = options.Value;

    public ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "Instagram",
        ConnectorCapabilities.Text | ConnectorCapabilities.Images | ConnectorCapabilities.Refresh,
        // No video yet (MaxVideos 0: the composer refuses it). Instagram publishes feed videos as reels (3 s to 15 min, by URL), a separate container type.
        new ContentLimits(options.Value.CaptionLimit, TextCounting.Graphemes, options.Value.MaxImages, options.Value.MaxImageBytes, MinAspect: 0.8, MaxAspect: 1.91),
        AuthScheme.OAuth2)
    {
        RefreshNeedsApp = false, // ig_refresh_token takes the token alone
    };

    public Uri BuildAuthorizationUrl(AuthorizationStart start) =>
        QueryString.Build(new Uri(_options.AuthorizeUrl), new Dictionary<string, string>
        {
            ["client_id"] = start.App.ClientId,
            ["redirect_uri"] = start.RedirectUri.ToString(),
            ["response_type"] = "code",
            ["scope"] = _options.Scopes,
            ["state"] = start.State,
        });

    public async Task<ConnectorResult<ConnectedAccounts>> ExchangeCodeAsync(CodeExchange exchange, CancellationToken cancellationToken)
    {
        var client = clients.Create();
        var code = exchange.Code.EndsWith("#_", StringComparison.Ordinal) ? exchange.Code[..^2] : exchange.Code;
        var shortLived = await client.ExchangeCodeAsync(exchange.App, exchange.RedirectUri, code, cancellationToken);
        if (!shortLived.Succeeded)
        {
            return shortLived.Failure!;
        }

        var longLived = await client.LongLivedAsync(exchange.App, shortLived.Value.AccessToken!, cancellationToken);
        if (!longLived.Succeeded)
        {
            return longLived.Failure!;
        }

        var tokens = longLived.Value;
        var expires = time.GetUtcNow().UtcDateTime.AddSeconds(tokens.ExpiresIn ?? 5_184_000);
        var me = await client.MeAsync(tokens.AccessToken!, expires, cancellationToken);
        if (!me.Succeeded)
        {
            return me.Failure!;
        }

        var id = me.Value.UserId ?? me.Value.Id ?? shortLived.Value.User!;
        var scopes = _options.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var credentials = new ChannelCredentials(id, tokens.AccessToken!, null, expires, scopes);
        var name = me.Value.Name ?? me.Value.Username ?? id;
        return ConnectorResult<ConnectedAccounts>.Success(new ConnectedAccounts([new ConnectableAccount(id, name, me.Value.Username is { } u ? "@" + u : null, credentials)]));
    }

    /// <summary>Instagram renews the token itself (it must be at least a day old and not yet expired); there is no separate refresh token.</summary>
    public async Task<ConnectorResult<ChannelCredentials>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        var tokens = await clients.Create().RefreshAsync(request.Credentials, cancellationToken);
        if (!tokens.Succeeded)
        {
            return tokens.Failure!.Kind == FailureKind.AuthExpired
                ? ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, "The Instagram sign-in ran out before it was renewed: reconnect the channel.", tokens.Failure.PlatformCode)
                : tokens.Failure;
        }

        var expires = time.GetUtcNow().UtcDateTime.AddSeconds(tokens.Value.ExpiresIn ?? 5_184_000);
        return ConnectorResult<ChannelCredentials>.Success(request.Credentials with { AccessToken = tokens.Value.AccessToken!, AccessTokenExpiresUtc = expires });
    }

    public ContentValidation Validate(PostContent content)
    {
        var length = TextCounter.Count(content.Text, Descriptor.Limits);
        var problems = ContentRules.Check(content, Descriptor.Limits, "Instagram", length);
        if (content.Media.Count == 0)
        {
            problems.Add("Add an image: Instagram posts need at least one.");
        }
        else if (content.Media.Any(m => m.PublicUrl is null))
        {
            problems.Add(InstagramPublisher.NoPublicAddress);
        }

        var hashtags = Hashtag().Count(content.Text);
        if (hashtags > _options.MaxHashtags)
        {
            problems.Add($"Remove {hashtags - _options.MaxHashtags} hashtag(s): Instagram allows {_options.MaxHashtags}.");
        }

        var mentions = Mention().Count(content.Text);
        if (mentions > _options.MaxMentions)
        {
            problems.Add($"Remove {mentions - _options.MaxMentions} @mention(s): Instagram allows {_options.MaxMentions}.");
        }

        return new ContentValidation(length, Descriptor.Limits.MaxTextLength, problems);
    }

    public Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
        new InstagramPublisher(clients.Create(), _options).PublishAsync(request, cancellationToken);

    public Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken) =>
        new InstagramPublisher(clients.Create(), _options).LookupAsync(request, cancellationToken);

    public async Task<ConnectorResult<HealthReport>> ProbeHealthAsync(ChannelCredentials credentials, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var me = await clients.Create().MeAsync(credentials.AccessToken, credentials.AccessTokenExpiresUtc, cancellationToken);
        return me.Succeeded
            ? ConnectorResult<HealthReport>.Success(new HealthReport(Stopwatch.GetElapsedTime(started), credentials.Scopes, [], null, null))
            : me.Failure!;
    }

    [GeneratedRegex(@"(?<=^|\s)#[\p{L}\p{N}_]+")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"(?<=^|\s)@[A-Za-z0-9._]+")]
    private static partial Regex Mention();
}
