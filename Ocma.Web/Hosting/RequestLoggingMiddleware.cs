using System.Diagnostics;

namespace Ocma.Web.Hosting;

/// <summary>One line per request: method, path (never the query string, which may carry OAuth codes), status and time.</summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var path = context.Request.Path.Value ?? "";
            if (!IsNoise(path))
            {
                logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms",
                    context.Request.Method, path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    private static bool IsNoise(string path) =>
        path.StartsWith("/_framework", StringComparison.Ordinal) || path.StartsWith("/_content", StringComparison.Ordinal)
        || path.StartsWith("/_blazor", StringComparison.Ordinal) || path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal);
}
