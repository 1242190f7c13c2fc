using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Bluesky;

public sealed partial class BlueskyFake
{
    private void Map(WebApplication app)
    {
        app.MapPost("/xrpc/com.atproto.server.createSession", (Func<HttpContext, Task<IResult>>)CreateSession);
        app.MapPost("/xrpc/com.atproto.server.refreshSession", RefreshSession);
        app.MapGet("/xrpc/com.atproto.server.getSession", GetSession);
        app.MapGet("/xrpc/com.atproto.identity.resolveHandle", (string? handle) =>
            handle is not null && FindAccount(handle) is { } a ? Results.Json(new { did = a.Did }) : Error(400, "InvalidRequest", "Unable to resolve handle"));
        app.MapPost("/xrpc/com.atproto.repo.uploadBlob", (Func<HttpContext, Task<IResult>>)UploadBlob);
        app.MapPost("/xrpc/com.atproto.repo.createRecord", (Func<HttpContext, Task<IResult>>)CreateRecord);
        app.MapGet("/xrpc/com.atproto.repo.getRecord", GetRecord);
    }

    private async Task<IResult> CreateSession(HttpContext context)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var identifier = json.RootElement.GetProperty("identifier").GetString() ?? string.Empty;
        var password = json.RootElement.GetProperty("password").GetString();
        lock (_gate)
        {
            var window = TimeSpan.FromMinutes(5);
            _sessionCreations.RemoveAll(t => Now - t >= window);
            var reset = (_sessionCreations.Count > 0 ? _sessionCreations[0] : Now) + window;
            RateHeaders(context, SessionLimit, SessionLimit - _sessionCreations.Count - 1, reset, 300);
            if (_sessionCreations.Count >= SessionLimit)
            {
                return Error(429, "RateLimitExceeded", "Rate Limit Exceeded");
            }

            _sessionCreations.Add(Now);
            if (FindAccount(identifier) is not { } account || account.AppPassword != password)
            {
                return Error(401, "AuthenticationRequired", "Invalid identifier or password");
            }

            return Results.Json(SessionJson(NewSession(account.Did), account));
        }
    }

    private IResult RefreshSession(HttpContext context)
    {
        var bearer = FakeOAuth.Bearer(context.Request);
        lock (_gate)
        {
            var old = _sessions.FirstOrDefault(s => s.RefreshJwt == bearer);
            if (old is null)
            {
                return _sessions.Any(s => s.AccessJwt == bearer)
                    ? Error(400, "InvalidToken", "Invalid token type")
                    : Error(401, "InvalidToken", "Token could not be verified");
            }

            if (old.RefreshUsed || old.Revoked)
            {
                return Error(400, "ExpiredToken", "Token has been revoked");
            }

            old.RefreshUsed = true;
            old.Revoked = true;
            return Results.Json(SessionJson(NewSession(old.Did), FindAccount(old.Did)!));
        }
    }

    private IResult GetSession(HttpContext context)
    {
        if (Authenticate(context, out var session) is { } refused)
        {
            return refused;
        }

        var account = FindAccount(session.Did)!;
        RateHeaders(context, 3000, 2999, Now.AddMinutes(5), 300);
        return Results.Json(new { did = account.Did, handle = account.Handle, active = true });
    }

    private BlueskyFakeSession NewSession(string did)
    {
        var expires = Now + AccessLifetime;
        var session = new BlueskyFakeSession(did, Jwt(did, "com.atproto.appPass", expires), Jwt(did, "com.atproto.refresh", Now.AddDays(90)), expires);
        _sessions.Add(session);
        return session;
    }

    private object SessionJson(BlueskyFakeSession session, BlueskyFakeAccount account) => new
    {
        did = account.Did,
        handle = account.Handle,
        accessJwt = session.AccessJwt,
        refreshJwt = session.RefreshJwt,
        active = true,
        didDoc = new
        {
            id = account.Did,
            alsoKnownAs = new[] { "at://" + account.Handle },
            service = new[] { new { id = "#atproto_pds", type = "AtprotoPersonalDataServer", serviceEndpoint = BaseUrl.ToString().TrimEnd('/') } },
        },
    };
}
