using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Instagram;

public sealed partial class InstagramFake
{
    private void Map(WebApplication app)
    {
        app.MapGet("/oauth/authorize", Authorize);
        app.MapPost("/oauth/access_token", (Func<HttpContext, Task<IResult>>)ExchangeCode);
        app.MapGet("/access_token", ExchangeForLongLived);
        app.MapGet("/refresh_access_token", Refresh);
        app.MapGet("/public/{name}", (string name) => PublicFiles.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, name.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "text/html") : Results.NotFound());
        var graph = app.MapGroup("/{version}").AddEndpointFilter(async (context, next) =>
            (string?)context.HttpContext.Request.RouteValues["version"] == Version
                ? await next(context)
                : GraphError(12, "(#12) This Graph API version is deprecated."));
        graph.MapGet("/me", Me);
        graph.MapPost("/{userId}/media", (Func<HttpContext, string, Task<IResult>>)CreateContainer);
        graph.MapPost("/{userId}/media_publish", (Func<HttpContext, string, Task<IResult>>)Publish);
        graph.MapGet("/{userId}/media", ListMedia);
        graph.MapGet("/{id}", Node);
    }

    private IResult Authorize(string? client_id, string? redirect_uri, string? response_type, string? scope, string? state)
    {
        if (client_id != AppId || redirect_uri != RedirectUri)
        {
            return Results.Content("Invalid redirect_uri", "text/html", statusCode: 400);
        }

        if (response_type != "code" || scope is null || !scope.Split(',').Contains("instagram_business_content_publish"))
        {
            return FakeOAuth.RedirectWith(redirect_uri, ("error", "invalid_scope"), ("state", state));
        }

        var code = FakeOAuth.NewSecret("AQB");
        lock (_gate)
        {
            _codes[code] = (redirect_uri, Now, false);
        }

        return Results.Redirect($"{redirect_uri}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state ?? string.Empty)}#_");
    }

    private async Task<IResult> ExchangeCode(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        static IResult Refused(string message) => Results.Json(new { error_type = "OAuthException", code = 400, error_message = message }, statusCode: 400);
        if (form["client_id"] != AppId || form["client_secret"] != AppSecret)
        {
            return Refused("Invalid platform app");
        }

        lock (_gate)
        {
            var key = form["code"].ToString();
            if (!_codes.TryGetValue(key, out var code) || code.Used)
            {
                return Refused("This authorization code has been used");
            }

            _codes[key] = code with { Used = true };
            if (code.RedirectUri != form["redirect_uri"] || Now - code.Issued > TimeSpan.FromHours(1))
            {
                return Refused("Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request");
            }

            var token = Issue(longLived: false, TimeSpan.FromHours(1));
            return Results.Json(new { data = new[] { new { access_token = token, user_id = UserId, permissions = "instagram_business_basic,instagram_business_content_publish" } } });
        }
    }

    private IResult ExchangeForLongLived(string? grant_type, string? client_secret, string? access_token)
    {
        lock (_gate)
        {
            if (grant_type != "ig_exchange_token" || client_secret != AppSecret)
            {
                return GraphError(101, "Error validating client secret.");
            }

            return access_token is not null && _tokens.TryGetValue(access_token, out var token) && !token.LongLived && Now < token.Expires
                ? Results.Json(new { access_token = Issue(longLived: true, TimeSpan.FromDays(60)), token_type = "bearer", expires_in = 5_184_000 })
                : GraphError(190, "Error validating access token: Session has expired.", 463);
        }
    }

    private IResult Refresh(string? grant_type, string? access_token)
    {
        lock (_gate)
        {
            if (grant_type != "ig_refresh_token" || access_token is null || !_tokens.TryGetValue(access_token, out var token) || !token.LongLived)
            {
                return GraphError(190, "Invalid OAuth access token - Cannot parse access token");
            }

            if (Now >= token.Expires)
            {
                return GraphError(190, "Error validating access token: Session has expired.", 463);
            }

            return Now - token.Issued < TimeSpan.FromHours(24)
                ? GraphError(100, "The access token can be refreshed only once it is at least 24 hours old.")
                : Results.Json(new { access_token = Issue(longLived: true, TimeSpan.FromDays(60)), token_type = "bearer", expires_in = 5_184_000 });
        }
    }

    private IResult Me(HttpContext context) =>
        Authenticate(context) ?? Results.Json(new { id = UserId, user_id = UserId, username = "ocma.cafe", name = "Ocma Café" });
}
