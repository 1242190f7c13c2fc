using Ocma.Core.Channels;
using System.Net;
using Ocma.Connectors.Shared;
using Ocma.Core.Connectors;

namespace Ocma.Tests.Connectors.Shared;

public sealed class HttpFailuresTests
{
    [Theory]
    [InlineData(400, FailureKind.Rejected)]
    [InlineData(401, FailureKind.AuthRevoked)]
    [InlineData(403, FailureKind.Misconfigured)]
    [InlineData(422, FailureKind.Rejected)]
    [InlineData(426, FailureKind.Misconfigured)]
    [InlineData(429, FailureKind.RateLimited)]
    [InlineData(500, FailureKind.Transient)]
    [InlineData(503, FailureKind.Unavailable)]
    [InlineData(418, FailureKind.Transient)]
    [InlineData(599, FailureKind.Transient)]
    public void Classify_StatusCode_GivesItsKind(int status, FailureKind expected) =>
        Assert.Equal(expected, HttpFailures.Classify((HttpStatusCode)status));

    [Theory]
    [InlineData("POST", FailureKind.OutcomeUnknown)]
    [InlineData("PUT", FailureKind.OutcomeUnknown)]
    [InlineData("DELETE", FailureKind.OutcomeUnknown)]
    [InlineData("GET", FailureKind.Transient)]
    public void FromException_TimeoutAfterSending_IsUnknownForUnsafeMethods(string method, FailureKind expected) =>
        Assert.Equal(expected, HttpFailures.FromException(new TaskCanceledException("timeout", new TimeoutException()), new HttpMethod(method), "X").Kind);

    [Fact]
    public void FromException_ConnectionRefused_IsTransientEvenForPost() =>
        Assert.Equal(FailureKind.Transient, HttpFailures.FromException(new HttpRequestException(HttpRequestError.ConnectionError, "refused"), HttpMethod.Post, "X").Kind);

    [Fact]
    public void MapError_RefreshRefused_IsAuthRevoked_CodeRefusedIsRejected_BadClientIsMisconfigured()
    {
        Assert.Equal(FailureKind.AuthRevoked, OAuth2TokenClient.MapError(400, new OAuthError("invalid_grant", null), OAuthGrant.RefreshToken, "X").Kind);
        Assert.Equal(FailureKind.Rejected, OAuth2TokenClient.MapError(400, new OAuthError("invalid_grant", null), OAuthGrant.AuthorizationCode, "X").Kind);
        Assert.Equal(FailureKind.Misconfigured, OAuth2TokenClient.MapError(401, new OAuthError("invalid_client", null), OAuthGrant.AuthorizationCode, "X").Kind);
        Assert.Equal(FailureKind.Transient, OAuth2TokenClient.MapError(502, null, OAuthGrant.AuthorizationCode, "X").Kind);
    }

    [Fact]
    public void Pkce_ChallengeFor_MatchesTheRfc7636Example() =>
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
}
