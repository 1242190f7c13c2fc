using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.X;

/// <summary>X API v2 calls; the bearer token comes from the credentials passed to each call.</summary>
public sealed class XApiClient(HttpClient http, IOptions<XOptions> options, TimeProvider time)
{
    private readonly Uri _api = new(options.Value.ApiBaseUrl.TrimEnd('/') + "/");

    internal Task<ConnectorResult<OAuthTokens>> TokenAsync(OAuthGrant grant, IEnumerable<KeyValuePair<string, string>> form, PlatformApp app, CancellationToken cancellationToken) =>
        OAuth2TokenClient.RequestAsync(http, new Uri(_api, "2/oauth2/token"), grant, form, app.ClientSecret is null ? null : app, XErrors.Platform, cancellationToken);

    internal async Task<ConnectorResult<(XUser User, int? Remaining, DateTimeOffset? Reset)>> MeAsync(ChannelCredentials credentials, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "2/users/me", credentials);
        var sent = await ConnectorHttp.SendAsync(http, request, XErrors.Platform, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        if (!response.IsSuccessStatusCode)
        {
            return await XErrors.MapAsync(response, credentials.AccessTokenExpiresUtc, time, cancellationToken);
        }

        var me = await ConnectorHttp.ReadJsonAsync<XData<XUser>>(response, cancellationToken, XJson.Options);
        return me?.Data is null
            ? ConnectorHttp.Unreadable(XErrors.Platform)
            : ConnectorResult<(XUser, int?, DateTimeOffset?)>.Success(
                (me.Data, RateLimitHeaders.Int(response, "x-rate-limit-remaining"), RateLimitHeaders.EpochReset(response, "x-rate-limit-reset")));
    }

    internal Task<ConnectorResult<XData<XMedia>>> InitializeMediaAsync(ChannelCredentials credentials, XMediaInit init, CancellationToken cancellationToken) =>
        SendAsync<XData<XMedia>>(Json("2/media/upload/initialize", credentials, init), credentials, cancellationToken);

    internal async Task<ConnectorResult<bool>> AppendMediaAsync(ChannelCredentials credentials, string mediaId, int segment, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"2/media/upload/{Uri.EscapeDataString(mediaId)}/append", credentials);
        request.Content = new MultipartFormDataContent
        {
            { new StringContent(segment.ToString(CultureInfo.InvariantCulture)), "segment_index" },
            { new ReadOnlyMemoryContent(chunk), "media", "chunk" },
        };
        var sent = await ConnectorHttp.SendAsync(http, request, XErrors.Platform, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        return response.IsSuccessStatusCode
            ? ConnectorResult<bool>.Success(true)
            : await XErrors.MapAsync(response, credentials.AccessTokenExpiresUtc, time, cancellationToken);
    }

    internal Task<ConnectorResult<XData<XMedia>>> FinalizeMediaAsync(ChannelCredentials credentials, string mediaId, CancellationToken cancellationToken) =>
        SendAsync<XData<XMedia>>(Request(HttpMethod.Post, $"2/media/upload/{Uri.EscapeDataString(mediaId)}/finalize", credentials), credentials, cancellationToken);

    internal Task<ConnectorResult<XData<XMedia>>> MediaStatusAsync(ChannelCredentials credentials, string mediaId, CancellationToken cancellationToken) =>
        SendAsync<XData<XMedia>>(Request(HttpMethod.Get, "2/media/upload?command=STATUS&media_id=" + Uri.EscapeDataString(mediaId), credentials), credentials, cancellationToken);

    internal Task<ConnectorResult<XData<XTweet>>> CreateTweetAsync(ChannelCredentials credentials, XTweetRequest tweet, CancellationToken cancellationToken) =>
        SendAsync<XData<XTweet>>(Json("2/tweets", credentials, tweet), credentials, cancellationToken);

    internal Task<ConnectorResult<XData<XTweet[]>>> RecentTweetsAsync(ChannelCredentials credentials, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var start = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var path = $"2/users/{Uri.EscapeDataString(credentials.AccountId)}/tweets?max_results=100&tweet.fields=created_at&start_time={Uri.EscapeDataString(start)}";
        return SendAsync<XData<XTweet[]>>(Request(HttpMethod.Get, path, credentials), credentials, cancellationToken);
    }

    private async Task<ConnectorResult<T>> SendAsync<T>(HttpRequestMessage request, ChannelCredentials credentials, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            var sent = await ConnectorHttp.SendAsync(http, request, XErrors.Platform, cancellationToken);
            if (!sent.Succeeded)
            {
                return sent.Failure!;
            }

            using var response = sent.Value;
            if (!response.IsSuccessStatusCode)
            {
                return await XErrors.MapAsync(response, credentials.AccessTokenExpiresUtc, time, cancellationToken);
            }

            var body = await ConnectorHttp.ReadJsonAsync<T>(response, cancellationToken, XJson.Options);
            return body is null ? ConnectorHttp.Unreadable(XErrors.Platform) : ConnectorResult<T>.Success(body).WithBudget(Budget(response));
        }
    }

    private static RateBudget? Budget(HttpResponseMessage response) =>
        RateLimitHeaders.Budget(RateLimitHeaders.Int(response, "x-rate-limit-remaining"), RateLimitHeaders.EpochReset(response, "x-rate-limit-reset"));

    private HttpRequestMessage Request(HttpMethod method, string path, ChannelCredentials credentials)
    {
        var request = new HttpRequestMessage(method, new Uri(_api, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        return request;
    }

    private HttpRequestMessage Json<T>(string path, ChannelCredentials credentials, T body)
    {
        var request = Request(HttpMethod.Post, path, credentials);
        request.Content = JsonContent.Create(body, options: XJson.Options);
        return request;
    }
}
