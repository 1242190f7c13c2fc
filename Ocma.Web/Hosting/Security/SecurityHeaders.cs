namespace Ocma.Web.Hosting.Security;

/// <summary>
/// Headers every response carries, pages, files, errors and redirects alike. The Content-Security-Policy allows what
/// Blazor Server and MudBlazor need and nothing else: scripts only from Ocma's own files (no inline script, no eval),
/// styles from its files plus inline style attributes and the theme's style element (MudBlazor writes those), the
/// circuit's WebSocket to the same host, images from itself and data:/blob: (previews of files being uploaded).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; media-src 'self' blob:; object-src 'none'; frame-ancestors 'self'; base-uri 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
