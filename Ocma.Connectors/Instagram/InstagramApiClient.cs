using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Instagram;

/// <summary>Instagram Login and Graph calls; the token comes from the credentials passed to each call.</summary>
public sealed class InstagramApiClient(HttpClient http, IOptions<InstagramOptions> options, TimeProvider time)
{
    private readonly InstagramOptions _options = options.Value;
    private readonly Uri _graph = new(options.Value.GraphBaseUrl.TrimEnd('/') + "/");

    /// <summary>Code → short-lived token. Instagram has answered both flat and wrapped in "data": both are read.</summary>
    internal async Task<ConnectorResult<InstagramShortToken>> ExchangeCodeAsync(PlatformApp app, Uri redirectUri, string code, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.TokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = app.ClientId,
                ["client_secret"] = app.ClientSecret ?? string.Empty,
                ["grant_type"] = "authorization_code",
                ["redirect_uri"] = redirectUri.ToString(),
                ["code"] = code,
            }),
        };
        var sent = await ConnectorHttp.SendAsync(http, request, InstagramErrors.Platform, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        using var json = await ConnectorHttp.ReadJsonAsync<JsonDocument>(response, cancellationToken);
        var root = json?.RootElement;
        if (!response.IsSuccessStatusCode)
        {
            var said = root?.TryGetProperty("error_message", out var m) == true ? m.GetString() : response.ReasonPhrase;
            return (int)response.StatusCode == 400
                ? ConnectorResult<InstagramShortToken>.Fail(FailureKind.Rejected, $"Instagram refused the sign-in code ({said}): start connecting again.", "OAuthException")
                : ConnectorResult<InstagramShortToken>.Fail(HttpFailures.Classify(response.StatusCode), $"Instagram could not complete the sign-in (HTTP {(int)response.StatusCode}).");
        }

        var token = root is { } r && r.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array && data.GetArrayLength() > 0 ? data[0] : root;
        InstagramShortToken? parsed;
        try
        {
            parsed = token?.Deserialize<InstagramShortToken>(InstagramJson.Options);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        return parsed?.AccessToken is null ? ConnectorHttp.Unreadable(InstagramErrors.Platform) : ConnectorResult<InstagramShortToken>.Success(parsed);
    }

    internal Task<ConnectorResult<OAuthTokens>> LongLivedAsync(PlatformApp app, string shortLived, CancellationToken cancellationToken) =>
        SendAsync<OAuthTokens>(new HttpRequestMessage(HttpMethod.Get, new Uri(_graph, $"access_token?grant_type=ig_exchange_token&client_secret={Uri.EscapeDataString(app.ClientSecret ?? string.Empty)}&access_token={Uri.EscapeDataString(shortLived)}")), null, cancellationToken);

    internal Task<ConnectorResult<OAuthTokens>> RefreshAsync(ChannelCredentials credentials, CancellationToken cancellationToken) =>
        SendAsync<OAuthTokens>(SafeRetryHandler.Once(new HttpRequestMessage(HttpMethod.Get, new Uri(_graph, $"refresh_access_token?grant_type=ig_refresh_token&access_token={Uri.EscapeDataString(credentials.AccessToken)}"))), credentials.AccessTokenExpiresUtc, cancellationToken);

    internal Task<ConnectorResult<InstagramMe>> MeAsync(string token, DateTime? expires, CancellationToken cancellationToken) =>
        SendAsync<InstagramMe>(Api(HttpMethod.Get, "me?fields=user_id,username,name", token), expires, cancellationToken);

    internal Task<ConnectorResult<InstagramId>> CreateContainerAsync(ChannelCredentials credentials, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var request = Api(HttpMethod.Post, $"{Uri.EscapeDataString(credentials.AccountId)}/media", credentials.AccessToken);
        request.Content = new FormUrlEncodedContent(fields);
        return SendAsync<InstagramId>(request, credentials.AccessTokenExpiresUtc, cancellationToken);
    }

    internal Task<ConnectorResult<InstagramContainer>> ContainerAsync(ChannelCredentials credentials, string containerId, CancellationToken cancellationToken) =>
        SendAsync<InstagramContainer>(Api(HttpMethod.Get, $"{Uri.EscapeDataString(containerId)}?fields=id,status_code,status", credentials.AccessToken), credentials.AccessTokenExpiresUtc, cancellationToken);

    internal Task<ConnectorResult<InstagramId>> PublishContainerAsync(ChannelCredentials credentials, string containerId, CancellationToken cancellationToken)
    {
        var request = Api(HttpMethod.Post, $"{Uri.EscapeDataString(credentials.AccountId)}/media_publish", credentials.AccessToken);
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["creation_id"] = containerId });
        return SendAsync<InstagramId>(request, credentials.AccessTokenExpiresUtc, cancellationToken);
    }

    internal Task<ConnectorResult<InstagramMedia>> MediaAsync(ChannelCredentials credentials, string mediaId, CancellationToken cancellationToken) =>
        SendAsync<InstagramMedia>(Api(HttpMethod.Get, $"{Uri.EscapeDataString(mediaId)}?fields=id,caption,timestamp,permalink", credentials.AccessToken), credentials.AccessTokenExpiresUtc, cancellationToken);

    internal Task<ConnectorResult<InstagramMediaList>> RecentMediaAsync(ChannelCredentials credentials, CancellationToken cancellationToken) =>
        SendAsync<InstagramMediaList>(Api(HttpMethod.Get, $"{Uri.EscapeDataString(credentials.AccountId)}/media?fields=id,caption,timestamp,permalink&limit=25", credentials.AccessToken), credentials.AccessTokenExpiresUtc, cancellationToken);

    private async Task<ConnectorResult<T>> SendAsync<T>(HttpRequestMessage request, DateTime? expires, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            var sent = await ConnectorHttp.SendAsync(http, request, InstagramErrors.Platform, cancellationToken);
            if (!sent.Succeeded)
            {
                return sent.Failure!;
            }

            using var response = sent.Value;
            if (!response.IsSuccessStatusCode)
            {
                return await InstagramErrors.MapAsync(response, expires, time, cancellationToken);
            }

            var body = await ConnectorHttp.ReadJsonAsync<T>(response, cancellationToken, InstagramJson.Options);
            return body is null ? ConnectorHttp.Unreadable(InstagramErrors.Platform) : ConnectorResult<T>.Success(body);
        }
    }

    private HttpRequestMessage Api(HttpMethod method, string pathAndQuery, string token)
    {
        var request = new HttpRequestMessage(method, new Uri(_graph, _options.GraphVersion + "/" + pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
