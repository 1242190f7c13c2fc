using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.X;

public sealed partial class XFake
{
    private static readonly string[] KnownScopes = ["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"];

    private void Map(WebApplication app)
    {
        app.MapGet("/i/oauth2/authorize", Authorize);
        app.MapPost("/2/oauth2/token", (Func<HttpContext, Task<IResult>>)Token);
        app.MapGet("/2/users/me", (HttpContext c) => Authenticate(c, "users/me", 75, out _) ?? Results.Json(new { data = new { id = UserId, name = "Ocma Team", username = "ocmateam" } }));
        app.MapPost("/2/media/upload/initialize", (Func<HttpContext, Task<IResult>>)InitializeMedia);
        app.MapPost("/2/media/upload/{id}/append", (Func<HttpContext, string, Task<IResult>>)AppendMedia);
        app.MapPost("/2/media/upload/{id}/finalize", FinalizeMedia);
        app.MapGet("/2/media/upload", MediaStatus);
        app.MapPost("/2/tweets", (Func<HttpContext, Task<IResult>>)CreateTweet);
        app.MapGet("/2/users/{id}/tweets", UserTweets);
    }

    private IResult Authorize(string? response_type, string? client_id, string? redirect_uri, string? scope, string? state, string? code_challenge, string? code_challenge_method)
    {
        if (client_id != Client.ClientId || redirect_uri != Client.RedirectUri)
        {
            return Results.Content("Something went wrong. You weren't able to give access to the App.", "text/html", statusCode: 400);
        }

        var scopes = (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (response_type != "code" || string.IsNullOrEmpty(code_challenge) || code_challenge_method is not ("S256" or "plain"))
        {
            return FakeOAuth.RedirectWith(redirect_uri, ("error", "invalid_request"), ("state", state));
        }

        if (scopes.Length == 0 || scopes.Except(KnownScopes).Any())
        {
            return FakeOAuth.RedirectWith(redirect_uri, ("error", "invalid_scope"), ("state", state));
        }

        var code = FakeOAuth.NewSecret("xc_");
        lock (_gate)
        {
            _codes[code] = new XFakeCode(client_id, redirect_uri, code_challenge, code_challenge_method, scopes, Now);
        }

        return FakeOAuth.RedirectWith(redirect_uri, ("state", state), ("code", code));
    }

    private async Task<IResult> Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var basicId = FakeOAuth.BasicClientId(context.Request, out var secret);
        if (basicId != Client.ClientId || secret != Client.ClientSecret)
        {
            return OAuthError("unauthorized_client", "Missing valid authorization header", 401);
        }

        lock (_gate)
        {
            return form["grant_type"].ToString() switch
            {
                "authorization_code" => RedeemCode(form),
                "refresh_token" => Rotate(form["refresh_token"].ToString()),
                _ => OAuthError("unsupported_grant_type", "Unsupported grant type"),
            };
        }
    }

    private IResult RedeemCode(IFormCollection form)
    {
        if (!_codes.TryGetValue(form["code"].ToString(), out var code))
        {
            return OAuthError("invalid_request", "Value passed for the authorization code was invalid.");
        }

        var firstUse = !code.Used;
        code.Used = true;
        if (!firstUse || Now - code.IssuedAt > TimeSpan.FromSeconds(30) || code.RedirectUri != form["redirect_uri"] || code.ClientId != form["client_id"])
        {
            return OAuthError("invalid_request", "Value passed for the authorization code was invalid.");
        }

        return FakeOAuth.VerifierMatches(form["code_verifier"], code.Challenge, code.ChallengeMethod)
            ? Issue(new XFakeToken(UserId, code.Scopes, Now.AddHours(2)))
            : OAuthError("invalid_request", "Value passed for the code verifier was invalid.");
    }

    private IResult Rotate(string refreshToken)
    {
        if (!_refresh.Remove(refreshToken, out var old))
        {
            return OAuthError("invalid_request", "Value passed for the token was invalid.");
        }

        return Issue(old with { Expires = Now.AddHours(2) });
    }

    private IResult Issue(XFakeToken grant)
    {
        var access = FakeOAuth.NewSecret("xa_");
        _access[access] = grant;
        string? refresh = null;
        if (grant.Scopes.Contains("offline.access"))
        {
            refresh = FakeOAuth.NewSecret("xr_");
            _refresh[refresh] = grant;
        }

        return Results.Json(new { token_type = "bearer", expires_in = 7200, access_token = access, scope = string.Join(' ', grant.Scopes), refresh_token = refresh });
    }
}
