using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;
using Ocma.Core.Sandbox;

namespace Ocma.Connectors.Sandbox;

/// <summary>Translates the connector contract to the built-in practice platform, the way a real connector translates to HTTP.</summary>
public sealed class SandboxConnector(SandboxAuthServer auth, SandboxPlatform platform, IOptions<SandboxOptions> options, TimeProvider time) : ISocialConnector
{
    public const string Key = "sandbox";

    public ConnectorDescriptor Descriptor { get; } = new(
        Key,
        "Sandbox (practice)",
        ConnectorCapabilities.Text | ConnectorCapabilities.Images | ConnectorCapabilities.Video | ConnectorCapabilities.Links | ConnectorCapabilities.IdempotencyKey | ConnectorCapabilities.Refresh,
        new ContentLimits(options.Value.TextLimit, TextCounting.Graphemes, SandboxPlatform.MaxImages, SandboxPlatform.MaxImageBytes,
            MaxVideos: 1, MaxVideoBytes: SandboxPlatform.MaxVideoBytes, MaxVideoDuration: SandboxPlatform.MaxVideoDuration),
        AuthScheme.OAuth2)
    {
        RefreshNeedsApp = false, // the practice platform rotates its refresh token without the app
        LookupMissIsProof = true, // ADR 0014
    };

    public Uri BuildAuthorizationUrl(AuthorizationStart start)
    {
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(start.App.ClientId),
            "redirect_uri=" + Uri.EscapeDataString(start.RedirectUri.ToString()),
            "state=" + Uri.EscapeDataString(start.State),
            "code_challenge=" + Uri.EscapeDataString(start.CodeChallenge),
            "code_challenge_method=S256",
            "response_type=code");
        return new Uri("/sandbox/authorize?" + query, UriKind.Relative);
    }

    public async Task<ConnectorResult<ConnectedAccounts>> ExchangeCodeAsync(CodeExchange exchange, CancellationToken cancellationToken)
    {
        var response = await auth.ExchangeCodeAsync(exchange.Code, exchange.RedirectUri.ToString(), exchange.CodeVerifier, cancellationToken);
        if (response.Error is not null)
        {
            return SandboxErrors.Map(response.Status, response.Error);
        }

        var tokens = response.Body!;
        var account = new ConnectableAccount(tokens.AccountId, tokens.DisplayName, tokens.Handle, ToCredentials(tokens));
        return ConnectorResult<ConnectedAccounts>.Success(new ConnectedAccounts([account]));
    }

    public async Task<ConnectorResult<ChannelCredentials>> RefreshAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        if (request.Credentials.RefreshToken is null)
        {
            return ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, "The grant has no refresh token: reconnect the channel.");
        }

        var response = await auth.RefreshAsync(request.Credentials.RefreshToken, cancellationToken);
        return response.Error is not null
            ? ConnectorResult<ChannelCredentials>.Fail(FailureKind.AuthRevoked, "The practice platform refused the refresh: " + response.Error.Message, response.Error.Code)
            : ConnectorResult<ChannelCredentials>.Success(ToCredentials(response.Body!));
    }

    public ContentValidation Validate(PostContent content)
    {
        var limits = Descriptor.Limits;
        var length = TextCounter.Count(content.Text, limits);
        // The practice platform needs text on every post, images or not.
        var problems = ContentRules.Check(content with { Text = string.IsNullOrWhiteSpace(content.Text) ? "-" : content.Text }, limits, "Sandbox", length);
        if (string.IsNullOrWhiteSpace(content.Text))
        {
            problems.Insert(0, "Write some text: the post is empty.");
        }

        return new ContentValidation(length, limits.MaxTextLength, problems);
    }

    public async Task<ConnectorResult<PublishedPost>> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        SandboxResponse<SandboxPublished> response;
        try
        {
            var images = await ReadImagesAsync(request.Content.Media, cancellationToken);
            response = await platform.PublishAsync(request.Credentials.AccessToken, request.Content.Text, images, request.IdempotencyKey, cancellationToken);
        }
        catch (SandboxConnectionDroppedException)
        {
            return ConnectorResult<PublishedPost>.Fail(FailureKind.OutcomeUnknown, "The connection dropped after the post was sent; whether it was stored is unknown.");
        }
        catch (SandboxTimedOutException)
        {
            return ConnectorResult<PublishedPost>.Fail(FailureKind.OutcomeUnknown, "The practice platform did not answer in time; whether the post was stored is unknown.");
        }

        return response.Error is not null
            ? SandboxErrors.Map(response.Status, response.Error)
            : ConnectorResult<PublishedPost>.Success(new PublishedPost(response.Body!.Id, new Uri(response.Body.Url, UriKind.Relative)));
    }

    public async Task<ConnectorResult<PublishedPost?>> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        var response = await platform.FindByKeyAsync(request.Credentials.AccessToken, request.IdempotencyKey, cancellationToken);
        if (response.Error is not null)
        {
            return SandboxErrors.Map(response.Status, response.Error);
        }

        var found = response.Body;
        return ConnectorResult<PublishedPost?>.Success(found is null ? null : new PublishedPost(found.Id, new Uri(found.Url, UriKind.Relative)));
    }

    public async Task<ConnectorResult<HealthReport>> ProbeHealthAsync(ChannelCredentials credentials, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await auth.AuthenticateAsync(credentials.AccessToken, cancellationToken);
        return response.Error is not null
            ? SandboxErrors.Map(response.Status, response.Error)
            : ConnectorResult<HealthReport>.Success(new HealthReport(System.Diagnostics.Stopwatch.GetElapsedTime(started), credentials.Scopes, [], null, null));
    }

    private static async Task<List<SandboxImageUpload>> ReadImagesAsync(IReadOnlyList<MediaItem> media, CancellationToken cancellationToken)
    {
        var images = new List<SandboxImageUpload>(media.Count);
        foreach (var item in media)
        {
            await using var source = await item.OpenRead(cancellationToken);
            using var copy = new MemoryStream();
            await source.CopyToAsync(copy, cancellationToken);
            images.Add(new SandboxImageUpload(item.ContentType, item.AltText, copy.ToArray()));
        }

        return images;
    }

    private ChannelCredentials ToCredentials(SandboxTokens tokens) =>
        new(tokens.AccountId, tokens.AccessToken, tokens.RefreshToken, time.GetUtcNow().UtcDateTime.AddSeconds(tokens.ExpiresInSeconds), ["post", "read"]);
}
