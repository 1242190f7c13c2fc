using System.Globalization;
using System.Threading.RateLimiting;

namespace Ocma.Web.Hosting.Security;

/// <summary>
/// Limits sign-in form posts per client address and per account name (each guess costs a password hash, and a
/// spray over many accounts from one address or at one account from many is what it stops). Over the limit the
/// post is answered 429 with Retry-After, before the password is looked at.
/// </summary>
public sealed class LoginRateLimiter(RequestDelegate next, LoginRateLimits limits)
{
    public const string LoginPath = "/Account/Login";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase) || !context.Request.HasFormContentType)
        {
            await next(context);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var attempt = new LoginAttempt(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", LoginAttempt.Normalize(form["Input.Email"]));
        using var lease = await limits.Limiter.AcquireAsync(attempt, 1, context.RequestAborted);
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"Too many sign-in attempts. Wait {seconds} seconds and try again.", context.RequestAborted);
    }
}

/// <summary>One sign-in post: where it came from and which account it names.</summary>
public sealed record LoginAttempt(string Address, string Account)
{
    public static string Normalize(string? account) => (account ?? string.Empty).Trim().ToUpperInvariant();
}

/// <summary>The limiter behind <see cref="LoginRateLimiter"/>: per address and per account name, both must allow a post.</summary>
public sealed class LoginRateLimits : IDisposable
{
    public const int PerAddress = 20;
    public const int PerAccount = 10;

    public LoginRateLimits()
    {
        Limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<LoginAttempt, string>(a => FixedWindow(a.Address, PerAddress)),
            PartitionedRateLimiter.Create<LoginAttempt, string>(a => FixedWindow(a.Account, PerAccount)));
    }

    public TimeSpan Window { get; } = TimeSpan.FromMinutes(1);

    public PartitionedRateLimiter<LoginAttempt> Limiter { get; }

    public void Dispose() => Limiter.Dispose();

    private RateLimitPartition<string> FixedWindow(string key, int permits) => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}
