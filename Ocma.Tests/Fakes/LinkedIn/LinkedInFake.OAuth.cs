using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.LinkedIn;

public sealed partial class LinkedInFake
{
    private static readonly string[] KnownScopes = ["openid", "profile", "email", "w_member_social", "r_member_social", "w_organization_social", "r_organization_social", "rw_organization_admin"];

    private void Map(WebApplication app)
    {
        app.MapGet("/oauth/v2/authorization", Authorize);
        app.MapPost("/oauth/v2/accessToken", (Func<HttpContext, Task<IResult>>)Token);
        app.MapGet("/v2/userinfo", (HttpContext c) => Authenticate(c, out var t) ?? Results.Json(new { sub = t.MemberId, name = "Ada Team", email = "ada@ocma.example", email_verified = true }));
        app.MapGet("/v2/organizationalEntityAcls", OrganizationRoles);
        app.MapGet("/rest/organizations/{id}", (HttpContext c, string id) => CheckVersion(c) ?? Authenticate(c, out _) ??
            ("urn:li:organization:" + id == OrganizationUrn ? Results.Json(new { id = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), localizedName = "Ocma Inc.", vanityName = "ocma" }) : Error(404, "NOT_FOUND", "Not found")));
        app.MapPost("/rest/images", (Func<HttpContext, Task<IResult>>)InitializeImageUpload);
        app.MapPut("/dms-uploads/{token}", (Func<HttpContext, string, Task<IResult>>)UploadImage);
        app.MapGet("/rest/images/{urn}", ImageStatus);
        app.MapPost("/rest/posts", (Func<HttpContext, Task<IResult>>)CreatePost);
        app.MapGet("/rest/posts", ListPosts);
    }

    private IResult Authorize(string? response_type, string? client_id, string? redirect_uri, string? state, string? scope)
    {
        if (client_id != ClientId || redirect_uri != RedirectUri)
        {
            return Results.Content("The redirect_uri does not match the registered value", "text/html", statusCode: 400);
        }

        var scopes = (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (response_type != "code" || scopes.Length == 0 || scopes.Except(KnownScopes).Any())
        {
            return FakeOAuth.RedirectWith(redirect_uri, ("error", response_type != "code" ? "invalid_request" : "unauthorized_scope_error"), ("state", state));
        }

        var code = FakeOAuth.NewSecret("AQT");
        lock (_gate)
        {
            _codes[code] = new LinkedInFakeCode(redirect_uri, scopes, Now);
        }

        return FakeOAuth.RedirectWith(redirect_uri, ("code", code), ("state", state));
    }

    private async Task<IResult> Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client", error_description = "Client authentication failed" }, statusCode: 401);
        }

        lock (_gate)
        {
            if (form["grant_type"] == "refresh_token")
            {
                return _refresh.TryGetValue(form["refresh_token"].ToString(), out var r) && RefreshEnabled && Now < r.Expires
                    ? Issue(r.MemberId, r.Scopes, form["refresh_token"].ToString())
                    : Results.Json(new { error = "invalid_request", error_description = "The provided authorization grant or refresh token is invalid, expired or revoked." }, statusCode: 400);
            }

            var ok = _codes.TryGetValue(form["code"].ToString(), out var code) && !code.Used && code.RedirectUri == form["redirect_uri"] && Now - code.IssuedAt <= TimeSpan.FromMinutes(30);
            if (code is not null)
            {
                code.Used = true;
            }

            if (form["grant_type"] != "authorization_code" || !ok)
            {
                return Results.Json(new { error = "invalid_request", error_description = "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired." }, statusCode: 400);
            }

            string? refresh = null;
            if (RefreshEnabled)
            {
                refresh = FakeOAuth.NewSecret("AQX");
                _refresh[refresh] = new LinkedInFakeRefresh(MemberId, code!.Scopes, Now.AddDays(365));
            }

            return Issue(MemberId, code!.Scopes, refresh);
        }
    }

    private IResult Issue(string member, string[] scopes, string? refresh)
    {
        var access = FakeOAuth.NewSecret("AQV");
        _tokens[access] = new LinkedInFakeToken(member, scopes, Now.AddDays(60));
        long? refreshLeft = refresh is null ? null : (long)(_refresh[refresh].Expires - Now).TotalSeconds;
        return Results.Json(new { access_token = access, expires_in = 5_184_000, scope = string.Join(',', scopes), refresh_token = refresh, refresh_token_expires_in = refreshLeft });
    }

    private IResult OrganizationRoles(HttpContext context, string? q, string? state)
    {
        if (Authenticate(context, out var token) is { } refused)
        {
            return refused;
        }

        if (!token.Scopes.Contains("w_organization_social") && !token.Scopes.Contains("rw_organization_admin"))
        {
            return Error(403, "ACCESS_DENIED", "Not enough permissions to access: organizationalEntityAcls.FINDER-roleAssignee", 100);
        }

        var person = "urn:li:person:" + token.MemberId;
        return Results.Json(new
        {
            elements = new[]
            {
                new { organizationalTarget = OrganizationUrn, role = "ADMINISTRATOR", state = "APPROVED", roleAssignee = person },
                new { organizationalTarget = "urn:li:organization:999", role = "ANALYST", state = "APPROVED", roleAssignee = person },
            },
        });
    }
}
