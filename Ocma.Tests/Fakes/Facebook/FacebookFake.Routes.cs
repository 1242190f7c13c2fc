using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Facebook;

public sealed partial class FacebookFake
{
    private void Map(WebApplication app)
    {
        var graph = app.MapGroup("/{version}").AddEndpointFilter(async (context, next) =>
            (string?)context.HttpContext.Request.RouteValues["version"] == Version
                ? await next(context)
                : GraphError(12, "(#12) This Graph API version is deprecated for this app.", type: "GraphMethodException"));
        graph.MapGet("/dialog/oauth", Dialog);
        graph.MapGet("/oauth/access_token", AccessToken);
        graph.MapGet("/me/accounts", Accounts);
        graph.MapGet("/{pageId}", PageNode);
        graph.MapPost("/{pageId}/feed", (Func<HttpContext, string, Task<IResult>>)Feed);
        graph.MapPost("/{pageId}/photos", (Func<HttpContext, string, Task<IResult>>)Photo);
        graph.MapGet("/{pageId}/posts", PagePosts);
    }

    private IResult PageNode(HttpContext context, string pageId) =>
        AuthenticatePage(context, pageId) ?? Results.Json(new { id = pageId, name = "Ocma Café" });

    private IResult Dialog(string? client_id, string? redirect_uri, string? state, string? scope, string? response_type)
    {
        if (client_id != AppId || redirect_uri != RedirectUri)
        {
            return Results.Content("URL blocked: This redirect failed because the redirect URI is not whitelisted in the app's client OAuth settings.", "text/html", statusCode: 400);
        }

        var code = FakeOAuth.NewSecret("AQD");
        lock (_gate)
        {
            _codes[code] = new FacebookFakeCode(redirect_uri, Now);
        }

        return FakeOAuth.RedirectWith(redirect_uri, ("code", code), ("state", state));
    }

    private IResult AccessToken(string? grant_type, string? client_id, string? client_secret, string? redirect_uri, string? code, string? fb_exchange_token)
    {
        if (client_id != AppId || client_secret != AppSecret)
        {
            return GraphError(101, "Error validating application. Invalid application ID or secret.");
        }

        lock (_gate)
        {
            if (grant_type == "fb_exchange_token")
            {
                return fb_exchange_token is not null && _tokens.TryGetValue(fb_exchange_token, out var shortLived) && shortLived.PageId is null && !shortLived.Invalidated && Now < shortLived.Expires
                    ? Issue(null, TimeSpan.FromDays(60))
                    : GraphError(190, "Error validating access token: Session has expired.", 463);
            }

            if (code is null || !_codes.TryGetValue(code, out var issued))
            {
                return GraphError(100, "Invalid verification code format.");
            }

            var firstUse = !issued.Used;
            issued.Used = true;
            if (!firstUse)
            {
                return GraphError(100, "This authorization code has been used.", 36009);
            }

            return issued.RedirectUri != redirect_uri || Now - issued.IssuedAt > TimeSpan.FromMinutes(10)
                ? GraphError(100, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request.", 36008)
                : Issue(null, TimeSpan.FromHours(2));
        }
    }

    private IResult Issue(string? pageId, TimeSpan? lifetime)
    {
        var token = FakeOAuth.NewSecret(pageId is null ? "EAAu" : "EAAp");
        _tokens[token] = new FacebookFakeToken(pageId, lifetime is { } l ? Now + l : null);
        return Results.Json(new { access_token = token, token_type = "bearer", expires_in = lifetime is { } t ? (long)t.TotalSeconds : (long?)null });
    }

    private IResult Accounts(HttpContext context)
    {
        lock (_gate)
        {
            var bearer = FakeOAuth.Bearer(context.Request);
            if (bearer is null || !_tokens.TryGetValue(bearer, out var user) || user.PageId is not null || user.Invalidated || Now >= user.Expires)
            {
                return GraphError(190, "Error validating access token: Session has expired.", 463);
            }

            string PageToken(string page)
            {
                var token = FakeOAuth.NewSecret("EAAp");
                _tokens[token] = new FacebookFakeToken(page, null);
                return token;
            }

            return Results.Json(new
            {
                data = new[]
                {
                    new { id = PageId, name = "Ocma Café", access_token = PageToken(PageId), tasks = new[] { "ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE" } },
                    new { id = ReadOnlyPageId, name = "Numbers Only", access_token = PageToken(ReadOnlyPageId), tasks = new[] { "ANALYZE" } },
                },
                paging = new { cursors = new { before = "x", after = "y" } },
            });
        }
    }
}
