using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Mastodon;

/// <summary>Mastodon's REST API on one server; the server and the token come in with every call.</summary>
public sealed class MastodonApiClient(HttpClient http, TimeProvider time)
{
    internal Task<ConnectorResult<MastodonApp>> RegisterAppAsync(Uri instance, MastodonAppRequest app, CancellationToken cancellationToken) =>
        SendAsync<MastodonApp>(Json(HttpMethod.Post, instance, "api/v1/apps", null, app), cancellationToken);

    internal Task<ConnectorResult<OAuthTokens>> ExchangeAsync(Uri instance, IEnumerable<KeyValuePair<string, string>> form, OAuthGrant grant, CancellationToken cancellationToken) =>
        OAuth2TokenClient.RequestAsync(http, new Uri(instance, "oauth/token"), grant, form, null, MastodonErrors.Platform, cancellationToken);

    internal Task<ConnectorResult<MastodonAccount>> VerifyCredentialsAsync(Uri instance, string token, CancellationToken cancellationToken) =>
        SendAsync<MastodonAccount>(Request(HttpMethod.Get, instance, "api/v1/accounts/verify_credentials", token), cancellationToken);

    internal async Task<ConnectorResult<(MastodonAccount Account, int? Remaining, DateTimeOffset? Reset)>> VerifyWithLimitsAsync(Uri instance, string token, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, instance, "api/v1/accounts/verify_credentials", token);
        var sent = await ConnectorHttp.SendAsync(http, request, MastodonErrors.Platform, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        if (!response.IsSuccessStatusCode)
        {
            return await MastodonErrors.MapAsync(response, time, cancellationToken);
        }

        var account = await ConnectorHttp.ReadJsonAsync<MastodonAccount>(response, cancellationToken, MastodonJson.Options);
        return account is null
            ? ConnectorHttp.Unreadable(MastodonErrors.Platform)
            : ConnectorResult<(MastodonAccount, int?, DateTimeOffset?)>.Success(
                (account, RateLimitHeaders.Int(response, "X-RateLimit-Remaining"), RateLimitHeaders.IsoReset(response, "X-RateLimit-Reset")));
    }

    internal async Task<ConnectorResult<MastodonMedia>> UploadMediaAsync(Uri instance, string token, MediaItem item, Stream content, CancellationToken cancellationToken)
    {
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(item.ContentType);
        var form = new MultipartFormDataContent { { file, "file", item.FileName } };
        if (item.AltText is { Length: > 0 } alt)
        {
            form.Add(new StringContent(alt), "description");
        }

        var request = Request(HttpMethod.Post, instance, "api/v2/media", token);
        request.Content = form;
        return await SendAsync<MastodonMedia>(request, cancellationToken);
    }

    /// <summary>Null value while the server is still processing (206).</summary>
    internal async Task<ConnectorResult<MastodonMedia?>> GetMediaAsync(Uri instance, string token, string id, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, instance, "api/v1/media/" + Uri.EscapeDataString(id), token);
        var sent = await ConnectorHttp.SendAsync(http, request, MastodonErrors.Platform, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            return ConnectorResult<MastodonMedia?>.Success(null);
        }

        return response.IsSuccessStatusCode
            ? ConnectorResult<MastodonMedia?>.Success(await ConnectorHttp.ReadJsonAsync<MastodonMedia>(response, cancellationToken, MastodonJson.Options))
            : await MastodonErrors.MapAsync(response, time, cancellationToken);
    }

    internal Task<ConnectorResult<MastodonStatus>> PostStatusAsync(Uri instance, string token, MastodonStatusRequest status, string idempotencyKey, CancellationToken cancellationToken)
    {
        var request = Json(HttpMethod.Post, instance, "api/v1/statuses", token, status);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return SendAsync<MastodonStatus>(request, cancellationToken);
    }

    /// <summary>The account's statuses, newest first, 40 at a time; <paramref name="olderThanId"/> pages back (Mastodon's <c>max_id</c>).</summary>
    internal Task<ConnectorResult<MastodonStatus[]>> StatusesAsync(Uri instance, string token, string accountId, string? olderThanId, CancellationToken cancellationToken) =>
        SendAsync<MastodonStatus[]>(Request(HttpMethod.Get, instance,
            $"api/v1/accounts/{Uri.EscapeDataString(accountId)}/statuses?limit={StatusesPerPage}&exclude_reblogs=true" + (olderThanId is null ? "" : "&max_id=" + Uri.EscapeDataString(olderThanId)), token), cancellationToken);

    internal const int StatusesPerPage = 40;

    private async Task<ConnectorResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            var sent = await ConnectorHttp.SendAsync(http, request, MastodonErrors.Platform, cancellationToken);
            if (!sent.Succeeded)
            {
                return sent.Failure!;
            }

            using var response = sent.Value;
            if (!response.IsSuccessStatusCode)
            {
                return await MastodonErrors.MapAsync(response, time, cancellationToken);
            }

            var body = await ConnectorHttp.ReadJsonAsync<T>(response, cancellationToken, MastodonJson.Options);
            return body is null ? ConnectorHttp.Unreadable(MastodonErrors.Platform) : ConnectorResult<T>.Success(body).WithBudget(Budget(response));
        }
    }

    private static RateBudget? Budget(HttpResponseMessage response) =>
        RateLimitHeaders.Budget(RateLimitHeaders.Int(response, "X-RateLimit-Remaining"), RateLimitHeaders.IsoReset(response, "X-RateLimit-Reset"));

    private static HttpRequestMessage Request(HttpMethod method, Uri instance, string path, string? token)
    {
        var request = new HttpRequestMessage(method, new Uri(instance, path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static HttpRequestMessage Json<T>(HttpMethod method, Uri instance, string path, string? token, T body)
    {
        var request = Request(method, instance, path, token);
        request.Content = JsonContent.Create(body, options: MastodonJson.Options);
        return request;
    }
}
