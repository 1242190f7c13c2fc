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
        app.MapGet("/xrpc/com.atproto.identity.resolveHandle", (string? handle) => ResolveHandle(handle));
        app.MapPost("/xrpc/com.atproto.repo.uploadBlob", (Func<HttpContext, Task<IResult>>)UploadBlob);
        app.MapPost("/xrpc/com.atproto.repo.createRecord", (Func<HttpContext, Task<IResult>>)CreateRecord);
        app.MapGet("/xrpc/com.atproto.repo.getRecord", GetRecord);
        app.MapGet("/plc/{did}", (string did) => PlcDocument(did));
        app.MapGet("/.well-known/did.json", WebDocument);
    }

    private async Task<IResult> CreateSession(HttpContext context)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var identifier = json.RootElement.GetProperty("identifier").GetString() ?? string.Empty;
        var password = json.RootElement.GetProperty("password").GetString();
        var account = FindAccount(identifier);
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
            if (account is null || !SignsIn(account, password))
            {
                return Error(401, "AuthenticationRequired", "Invalid identifier or password");
            }

            return Results.Json(SessionJson(NewSession(account.Did, password!), account));
        }
    }

    private IResult RefreshSession(HttpContext context)
    {
        var bearer = FakeOAuth.Bearer(context.Request);
        lock (_gate)
        {
            var old = _sessions.FirstOrDefault(s => s.RefreshJwt == bearer);
            if (old is null || old.Forgotten)
            {
                return _sessions.Any(s => s.AccessJwt == bearer)
                    ? Error(400, "InvalidToken", "Invalid token type")
                    : Error(401, "InvalidToken", "Token could not be verified");
            }

            if (old.RefreshUsed || old.RefreshRevoked)
            {
                return Error(400, "ExpiredToken", "Token has been revoked");
            }

            old.RefreshUsed = true;
            return Results.Json(SessionJson(NewSession(old.Did, old.AppPassword), FindAccount(old.Did)!));
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
        lock (_gate)
        {
            return _deactivated.Contains(account.Did)
                ? Results.Json(new { did = account.Did, handle = account.Handle, active = false, status = "deactivated" })
                : Results.Json(new { did = account.Did, handle = account.Handle, active = true });
        }
    }

    private BlueskyFakeSession NewSession(string did, string appPassword)
    {
        var expires = Now + AccessLifetime;
        var session = new BlueskyFakeSession(did, appPassword, Jwt(did, "com.atproto.appPass", expires), Jwt(did, "com.atproto.refresh", Now.AddDays(90)), expires);
        _sessions.Add(session);
        return session;
    }

    /// <summary>The session answer; a deactivated account still signs in, with active false and its status.</summary>
    private Dictionary<string, object> SessionJson(BlueskyFakeSession session, BlueskyFakeAccount account)
    {
        var json = new Dictionary<string, object>
        {
            ["did"] = account.Did,
            ["handle"] = account.Handle,
            ["accessJwt"] = session.AccessJwt,
            ["refreshJwt"] = session.RefreshJwt,
            ["active"] = !_deactivated.Contains(account.Did),
            ["didDoc"] = DidDocument(account),
        };
        if (_deactivated.Contains(account.Did))
        {
            json["status"] = "deactivated";
        }

        return json;
    }
}
