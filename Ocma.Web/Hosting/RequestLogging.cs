using Ocma.Core.Calendar;
using Ocma.Core.Media;
using Serilog;
using Serilog.Events;

namespace Ocma.Web.Hosting;

/// <summary>
/// One line per request (Serilog's request logging): method, path, status and time. Never the query string (it may carry
/// OAuth codes); a secret token in a path is replaced by <c>[redacted]</c>; framework files and the Blazor circuit only at Verbose.
/// </summary>
public static class RequestLogging
{
    public const string Redacted = "[redacted]";

    /// <summary>Paths whose next segment is a bearer secret (a public media link, a calendar subscription).</summary>
    private static readonly string[] SecretPathPrefixes = [MediaPublicLinks.PathPrefix, CalendarFeedService.PathPrefix];

    public static WebApplication UseOcmaRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.IncludeQueryInRequestPath = false;
            o.MessageTemplate = "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms";
            o.GetLevel = (http, _, exception) =>
                IsNoise(http.Request.Path.Value ?? "") ? LogEventLevel.Verbose
                : exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : LogEventLevel.Information;
            o.GetMessageTemplateProperties = (http, path, elapsedMs, statusCode) =>
            [
                new("RequestMethod", new ScalarValue(http.Request.Method)),
                new("RequestPath", new ScalarValue(Redact(path))),
                new("StatusCode", new ScalarValue(statusCode)),
                new("Elapsed", new ScalarValue(elapsedMs)),
            ];
        });
        return app;
    }

    /// <summary>The path with any secret segment replaced and any query string dropped.</summary>
    public static string Redact(string path)
    {
        var queryStart = path.IndexOf('?', StringComparison.Ordinal);
        path = queryStart < 0 ? path : path[..queryStart];
        foreach (var prefix in SecretPathPrefixes)
        {
            // Routing ignores case, so "/MEDIA/PUBLIC/x" reaches the same endpoint and must be redacted too.
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && path.Length > prefix.Length)
            {
                return path[..prefix.Length] + Redacted;
            }
        }

        return path;
    }

    private static bool IsNoise(string path) =>
        path.StartsWith("/_framework", StringComparison.Ordinal) || path.StartsWith("/_content", StringComparison.Ordinal)
        || path.StartsWith("/_blazor", StringComparison.Ordinal) || path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal);
}
