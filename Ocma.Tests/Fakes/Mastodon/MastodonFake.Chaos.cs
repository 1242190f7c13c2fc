using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes.Mastodon;

/// <summary>
/// Random faults on status creation, the way a struggling server fails: some requests answer 503 or 429 (with an
/// ISO-8601 reset a moment ahead on the real clock, which the app under test uses) before storing anything; others
/// store the status and then drop the connection, or hold the answer past the client's timeout.
/// </summary>
public sealed class MastodonChaos(double rate, int seed, TimeSpan stall)
{
    private readonly Random _random = new(seed);
    private readonly object _gate = new();

    public int Injected { get; private set; }

    internal IResult? BeforeCommit(HttpContext context)
    {
        switch (Roll())
        {
            case 0:
                return Results.Json(new { error = "Service Unavailable" }, statusCode: 503);
            case 1:
                var reset = DateTimeOffset.UtcNow.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                context.Response.Headers["X-RateLimit-Reset"] = reset;
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                return Results.Json(new { error = "Too many requests" }, statusCode: 429);
            default:
                return null;
        }
    }

    /// <summary>After the status is stored: drop the connection, stall past the timeout, or answer normally.</summary>
    internal async Task<bool> AfterCommitAsync(HttpContext context)
    {
        switch (Roll())
        {
            case 2:
                context.Abort();
                return true;
            case 3:
                await Task.Delay(stall, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return false;
            default:
                return false;
        }
    }

    /// <summary>0–1 before commit, 2–3 after commit, -1 for no fault; each fault kind a quarter of the rate.</summary>
    private int Roll()
    {
        lock (_gate)
        {
            var roll = _random.NextDouble();
            if (roll >= rate / 2)
            {
                return -1; // each call site rolls once, so half the rate each: before and after commit together ≈ rate
            }

            Injected++;
            return roll < rate / 4 ? (int)(_random.NextDouble() * 2) : 2 + (int)(_random.NextDouble() * 2);
        }
    }
}
