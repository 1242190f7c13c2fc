using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Shared;

/// <summary>The token response of RFC 6749, with the fields platforms add.</summary>
public sealed record OAuthTokens(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("scope")] string? Scope);

/// <summary>The error body of RFC 6749 section 5.2.</summary>
public sealed record OAuthError(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? Description);

public enum OAuthGrant
{
    AuthorizationCode,
    RefreshToken,
}

/// <summary>Posts form-encoded grants to a token endpoint (client secret in the form, or HTTP Basic where the platform needs it).</summary>
public static class OAuth2TokenClient
{
    public static async Task<ConnectorResult<OAuthTokens>> RequestAsync(
        HttpClient client, Uri endpoint, OAuthGrant grant, IEnumerable<KeyValuePair<string, string>> form, PlatformApp? basicAuth, string platform, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        if (basicAuth?.ClientSecret is { } secret)
        {
            var pair = Uri.EscapeDataString(basicAuth.ClientId) + ":" + Uri.EscapeDataString(secret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        var sent = await ConnectorHttp.SendAsync(client, request, platform, cancellationToken).ConfigureAwait(false);
        if (!sent.Succeeded)
        {
            return sent.Failure!;
        }

        using var response = sent.Value;
        if (response.IsSuccessStatusCode)
        {
            var tokens = await ConnectorHttp.ReadJsonAsync<OAuthTokens>(response, cancellationToken).ConfigureAwait(false);
            return tokens?.AccessToken is null ? ConnectorHttp.Unreadable(platform) : ConnectorResult<OAuthTokens>.Success(tokens);
        }

        var error = await ConnectorHttp.ReadJsonAsync<OAuthError>(response, cancellationToken).ConfigureAwait(false);
        return MapError((int)response.StatusCode, error, grant, platform);
    }

    /// <summary>What a refused grant means for the channel.</summary>
    public static ConnectorFailure MapError(int status, OAuthError? error, OAuthGrant grant, string platform)
    {
        var code = error?.Error;
        return code switch
        {
            "invalid_client" or "unauthorized_client" or "invalid_scope" or "unsupported_grant_type" =>
                new(FailureKind.Misconfigured, $"{platform} refused Ocma's app credentials ({code}): check the client id, secret and allowed scopes.", code),
            "invalid_grant" or "invalid_request" when grant == OAuthGrant.RefreshToken =>
                new(FailureKind.AuthRevoked, $"{platform} no longer accepts this channel's sign-in: reconnect the channel.", code),
            "invalid_grant" or "invalid_request" =>
                new(FailureKind.Rejected, $"{platform} refused the sign-in code (it was already used, expired, or did not match): start connecting again.", code),
            "access_denied" => new(FailureKind.Rejected, $"Access to {platform} was not granted: start connecting again and approve access.", code),
            _ when status == 401 && grant == OAuthGrant.RefreshToken => new(FailureKind.AuthRevoked, $"{platform} no longer accepts this channel's sign-in: reconnect the channel.", code),
            _ => new(HttpFailures.Classify((System.Net.HttpStatusCode)status), $"{platform} could not complete the sign-in (HTTP {status}).", code),
        };
    }
}
