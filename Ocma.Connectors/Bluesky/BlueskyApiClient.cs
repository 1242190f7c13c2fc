using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Bluesky;

/// <summary>The XRPC calls Ocma makes to a Bluesky server (PDS); the server and session come in with every call.</summary>
public sealed class BlueskyApiClient(HttpClient http, TimeProvider time)
{
    private const string Xrpc = "xrpc/";

    internal Task<ConnectorResult<BlueskySession>> CreateSessionAsync(Uri service, BlueskyLogin login, CancellationToken cancellationToken) =>
        SendAsync<BlueskySession>(Json(service, "com.atproto.server.createSession", null, login), cancellationToken);

    internal Task<ConnectorResult<BlueskySession>> RefreshSessionAsync(Uri service, string refreshJwt, CancellationToken cancellationToken) =>
        SendAsync<BlueskySession>(Request(HttpMethod.Post, service, "com.atproto.server.refreshSession", refreshJwt), cancellationToken);

    internal async Task<ConnectorResult<(BlueskyAccount Account, int? Remaining, DateTimeOffset? Reset)>> GetSessionAsync(Uri service, string accessJwt, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, service, "com.atproto.server.getSession", accessJwt);
        var sent = await ConnectorHttp.SendAsync(http, request, BlueskyErrors.Platform, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        if (!response.IsSuccessStatusCode)
        {
            return await BlueskyErrors.MapAsync(response, time, cancellationToken);
        }

        var account = await ConnectorHttp.ReadJsonAsync<BlueskyAccount>(response, cancellationToken, BlueskyJson.Options);
        return account is null
            ? ConnectorHttp.Unreadable(BlueskyErrors.Platform)
            : ConnectorResult<(BlueskyAccount, int?, DateTimeOffset?)>.Success(
                (account, RateLimitHeaders.Int(response, "ratelimit-remaining"), RateLimitHeaders.EpochReset(response, "ratelimit-reset")));
    }

    internal Task<ConnectorResult<BlueskyResolvedHandle>> ResolveHandleAsync(Uri service, string handle, CancellationToken cancellationToken) =>
        SendAsync<BlueskyResolvedHandle>(Request(HttpMethod.Get, service, "com.atproto.identity.resolveHandle?handle=" + Uri.EscapeDataString(handle), null), cancellationToken);

    /// <summary>A DID document (from the PLC directory or a did:web domain): plain JSON, not XRPC.</summary>
    internal async Task<ConnectorResult<JsonElement>> GetDidDocumentAsync(Uri documentUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, documentUrl);
        var sent = await ConnectorHttp.SendAsync(http, request, documentUrl.Host, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        if (!response.IsSuccessStatusCode)
        {
            return new ConnectorFailure(HttpFailures.Classify(response.StatusCode), $"{documentUrl.Host} answered HTTP {(int)response.StatusCode}");
        }

        var document = await ConnectorHttp.ReadJsonAsync<JsonDocument>(response, cancellationToken);
        using (document)
        {
            return document?.RootElement.ValueKind == JsonValueKind.Object
                ? ConnectorResult<JsonElement>.Success(document.RootElement.Clone())
                : ConnectorHttp.Unreadable(documentUrl.Host);
        }
    }

    internal Task<ConnectorResult<BlueskyBlobResponse>> UploadBlobAsync(Uri service, string accessJwt, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, service, "com.atproto.repo.uploadBlob", accessJwt);
        request.Content = new StreamContent(content);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return SendAsync<BlueskyBlobResponse>(request, cancellationToken);
    }

    internal Task<ConnectorResult<BlueskyRecordRef>> CreateRecordAsync(Uri service, string accessJwt, BlueskyCreateRecord record, CancellationToken cancellationToken) =>
        SendAsync<BlueskyRecordRef>(Json(service, "com.atproto.repo.createRecord", accessJwt, record), cancellationToken);

    /// <summary>Null value when the server says the record does not exist.</summary>
    internal async Task<ConnectorResult<BlueskyRecord?>> GetRecordAsync(Uri service, string accessJwt, string repo, string collection, string rkey, CancellationToken cancellationToken)
    {
        var path = $"com.atproto.repo.getRecord?repo={Uri.EscapeDataString(repo)}&collection={Uri.EscapeDataString(collection)}&rkey={Uri.EscapeDataString(rkey)}";
        using var request = Request(HttpMethod.Get, service, path, accessJwt);
        var sent = await ConnectorHttp.SendAsync(http, request, BlueskyErrors.Platform, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        if (response.IsSuccessStatusCode)
        {
            return ConnectorResult<BlueskyRecord?>.Success(await ConnectorHttp.ReadJsonAsync<BlueskyRecord>(response, cancellationToken, BlueskyJson.Options));
        }

        var failure = await BlueskyErrors.MapAsync(response, time, cancellationToken);
        return failure.PlatformCode == "RecordNotFound" ? ConnectorResult<BlueskyRecord?>.Success(null) : failure;
    }

    private async Task<ConnectorResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            var sent = await ConnectorHttp.SendAsync(http, request, BlueskyErrors.Platform, cancellationToken);
            if (!sent.Succeeded)
            {
                return sent.Failure!;
            }

            using var response = sent.Value;
            if (!response.IsSuccessStatusCode)
            {
                return await BlueskyErrors.MapAsync(response, time, cancellationToken);
            }

            var body = await ConnectorHttp.ReadJsonAsync<T>(response, cancellationToken, BlueskyJson.Options);
            return body is null ? ConnectorHttp.Unreadable(BlueskyErrors.Platform) : ConnectorResult<T>.Success(body).WithBudget(Budget(response));
        }
    }

    private static RateBudget? Budget(HttpResponseMessage response) =>
        RateLimitHeaders.Budget(RateLimitHeaders.Int(response, "ratelimit-remaining"), RateLimitHeaders.EpochReset(response, "ratelimit-reset"));

    private static HttpRequestMessage Request(HttpMethod method, Uri service, string nsid, string? token)
    {
        var request = new HttpRequestMessage(method, new Uri(service, Xrpc + nsid));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static HttpRequestMessage Json<T>(Uri service, string nsid, string? token, T body)
    {
        var request = Request(HttpMethod.Post, service, nsid, token);
        request.Content = JsonContent.Create(body, options: BlueskyJson.Options);
        return request;
    }
}
