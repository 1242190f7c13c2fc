using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Facebook;

/// <summary>Graph API calls for Pages; the token comes in with every call.</summary>
public sealed class FacebookApiClient(HttpClient http, IOptions<FacebookOptions> options)
{
    private readonly Uri _graph = new($"{options.Value.GraphBaseUrl.TrimEnd('/')}/{options.Value.GraphVersion}/");

    internal Task<ConnectorResult<OAuthTokens>> ExchangeCodeAsync(PlatformApp app, Uri redirectUri, string code, CancellationToken cancellationToken) =>
        SendAsync<OAuthTokens>(SafeRetryHandler.Once(Get(Query("oauth/access_token", ("client_id", app.ClientId), ("client_secret", app.ClientSecret ?? string.Empty), ("redirect_uri", redirectUri.ToString()), ("code", code)), null)), cancellationToken);

    internal Task<ConnectorResult<OAuthTokens>> LongLivedAsync(PlatformApp app, string shortLived, CancellationToken cancellationToken) =>
        SendAsync<OAuthTokens>(Get(Query("oauth/access_token", ("grant_type", "fb_exchange_token"), ("client_id", app.ClientId), ("client_secret", app.ClientSecret ?? string.Empty), ("fb_exchange_token", shortLived)), null), cancellationToken);

    internal Task<ConnectorResult<FacebookPages>> PagesAsync(string userToken, CancellationToken cancellationToken) =>
        SendAsync<FacebookPages>(Get(Query("me/accounts", ("fields", "id,name,access_token,tasks"), ("limit", "100")), userToken), cancellationToken);

    internal Task<ConnectorResult<FacebookNode>> PageAsync(string pageId, string token, CancellationToken cancellationToken) =>
        SendAsync<FacebookNode>(Get(Query(Uri.EscapeDataString(pageId), ("fields", "id,name")), token), cancellationToken);

    internal Task<ConnectorResult<FacebookCreated>> PostToFeedAsync(string pageId, string token, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var request = Get($"{Uri.EscapeDataString(pageId)}/feed", token);
        request.Method = HttpMethod.Post;
        request.Content = new FormUrlEncodedContent(form);
        return SendAsync<FacebookCreated>(request, cancellationToken);
    }

    internal Task<ConnectorResult<FacebookCreated>> UploadPhotoAsync(string pageId, string token, MediaItem item, Stream content, string? caption, bool published, CancellationToken cancellationToken)
    {
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(item.ContentType);
        var form = new MultipartFormDataContent
        {
            { new StringContent(published ? "true" : "false"), "published" },
            { file, "source", item.FileName },
        };
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "message");
        }

        var request = Get($"{Uri.EscapeDataString(pageId)}/photos", token);
        request.Method = HttpMethod.Post;
        request.Content = form;
        return SendAsync<FacebookCreated>(request, cancellationToken);
    }

    internal Task<ConnectorResult<FacebookPosts>> PostsSinceAsync(string pageId, string token, DateTimeOffset since, CancellationToken cancellationToken) =>
        SendAsync<FacebookPosts>(Get(Query($"{Uri.EscapeDataString(pageId)}/posts", ("fields", "id,message,created_time"), ("since", since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)), ("limit", "50")), token), cancellationToken);

    private async Task<ConnectorResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            var sent = await ConnectorHttp.SendAsync(http, request, FacebookErrors.Platform, cancellationToken);
            if (!sent.Succeeded)
            {
                return sent.Failure!;
            }

            using var response = sent.Value;
            if (!response.IsSuccessStatusCode)
            {
                return await FacebookErrors.MapAsync(response, cancellationToken);
            }

            var body = await ConnectorHttp.ReadJsonAsync<T>(response, cancellationToken, FacebookJson.Options);
            return body is null ? ConnectorHttp.Unreadable(FacebookErrors.Platform) : ConnectorResult<T>.Success(body);
        }
    }

    private static string Query(string path, params (string Key, string Value)[] parameters) =>
        path + "?" + string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    private HttpRequestMessage Get(string pathAndQuery, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_graph, pathAndQuery));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
