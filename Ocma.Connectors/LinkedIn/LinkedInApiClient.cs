using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.LinkedIn;

/// <summary>LinkedIn API calls; every /rest call carries LinkedIn-Version and X-Restli-Protocol-Version.</summary>
public sealed class LinkedInApiClient(HttpClient http, IOptions<LinkedInOptions> options, TimeProvider time)
{
    private readonly LinkedInOptions _options = options.Value;
    private readonly Uri _api = new(options.Value.ApiBaseUrl.TrimEnd('/') + "/");

    internal Task<ConnectorResult<OAuthTokens>> TokenAsync(OAuthGrant grant, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken) =>
        OAuth2TokenClient.RequestAsync(http, new Uri(_options.AuthBaseUrl.TrimEnd('/') + "/oauth/v2/accessToken"), grant, form, null, LinkedInErrors.Platform, cancellationToken);

    internal Task<ConnectorResult<LinkedInUserInfo>> UserInfoAsync(ChannelCredentials credentials, CancellationToken cancellationToken) =>
        SendAsync<LinkedInUserInfo>(Request(HttpMethod.Get, "v2/userinfo", credentials), credentials, cancellationToken);

    internal Task<ConnectorResult<LinkedInAcls>> OrganizationRolesAsync(ChannelCredentials credentials, CancellationToken cancellationToken) =>
        SendAsync<LinkedInAcls>(Request(HttpMethod.Get, "v2/organizationalEntityAcls?q=roleAssignee&state=APPROVED", credentials), credentials, cancellationToken);

    internal Task<ConnectorResult<LinkedInOrganization>> OrganizationAsync(ChannelCredentials credentials, string id, CancellationToken cancellationToken) =>
        SendAsync<LinkedInOrganization>(Request(HttpMethod.Get, "rest/organizations/" + Uri.EscapeDataString(id), credentials), credentials, cancellationToken);

    internal Task<ConnectorResult<LinkedInUploadValue>> InitializeImageUploadAsync(ChannelCredentials credentials, string owner, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, "rest/images?action=initializeUpload", credentials);
        request.Content = JsonContent.Create(new LinkedInInitializeUpload(new LinkedInInitializeUploadRequest(owner)), options: LinkedInJson.Options);
        return SendAsync<LinkedInUploadValue>(request, credentials, cancellationToken);
    }

    /// <summary>One PUT of the whole file with its length (LinkedIn refuses chunked bodies).</summary>
    internal async Task<ConnectorResult<bool>> UploadImageAsync(ChannelCredentials credentials, Uri uploadUrl, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        var sent = await ConnectorHttp.SendAsync(http, request, LinkedInErrors.Platform, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        return response.IsSuccessStatusCode ? ConnectorResult<bool>.Success(true) : await MapAsync(response, credentials, cancellationToken);
    }

    internal Task<ConnectorResult<LinkedInImage>> ImageAsync(ChannelCredentials credentials, string imageUrn, CancellationToken cancellationToken) =>
        SendAsync<LinkedInImage>(Request(HttpMethod.Get, "rest/images/" + Uri.EscapeDataString(imageUrn), credentials), credentials, cancellationToken);

    /// <summary>Creates the post; LinkedIn answers 201 with an empty body and the post's URN in x-restli-id.</summary>
    internal async Task<ConnectorResult<string>> CreatePostAsync(ChannelCredentials credentials, LinkedInPost post, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "rest/posts", credentials);
        request.Content = JsonContent.Create(post, options: LinkedInJson.Options);
        var sent = await ConnectorHttp.SendAsync(http, request, LinkedInErrors.Platform, cancellationToken);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        if (!response.IsSuccessStatusCode)
        {
            return await MapAsync(response, credentials, cancellationToken);
        }

        return RateLimitHeaders.First(response, "x-restli-id") is { Length: > 0 } urn
            ? ConnectorResult<string>.Success(urn)
            : ConnectorResult<string>.Fail(FailureKind.OutcomeUnknown, "LinkedIn accepted the post but did not say which post it made; Ocma checks before trying again.");
    }

    internal Task<ConnectorResult<LinkedInPosts>> PostsByAuthorAsync(ChannelCredentials credentials, CancellationToken cancellationToken) =>
        SendAsync<LinkedInPosts>(Request(HttpMethod.Get, $"rest/posts?author={Uri.EscapeDataString(credentials.AccountId)}&q=author&count=50&sortBy=LAST_MODIFIED", credentials), credentials, cancellationToken);

    private Task<ConnectorFailure> MapAsync(HttpResponseMessage response, ChannelCredentials credentials, CancellationToken cancellationToken) =>
        LinkedInErrors.MapAsync(response, credentials.AccessTokenExpiresUtc, _options.ApiVersion, time, cancellationToken);

    private async Task<ConnectorResult<T>> SendAsync<T>(HttpRequestMessage request, ChannelCredentials credentials, CancellationToken cancellationToken)
        where T : class
    {
        using (request)
        {
            var sent = await ConnectorHttp.SendAsync(http, request, LinkedInErrors.Platform, cancellationToken);
            if (!sent.Succeeded)
            {
                return sent.Failure!;
            }

            using var response = sent.Value;
            if (!response.IsSuccessStatusCode)
            {
                return await MapAsync(response, credentials, cancellationToken);
            }

            var body = await ConnectorHttp.ReadJsonAsync<T>(response, cancellationToken, LinkedInJson.Options);
            return body is null ? ConnectorHttp.Unreadable(LinkedInErrors.Platform) : ConnectorResult<T>.Success(body);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, ChannelCredentials credentials)
    {
        var request = new HttpRequestMessage(method, new Uri(_api, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        if (path.StartsWith("rest/", StringComparison.Ordinal))
        {
            request.Headers.Add("LinkedIn-Version", _options.ApiVersion);
            request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        }

        return request;
    }
}
