using Microsoft.AspNetCore.Antiforgery;

namespace Ocma.Web.Hosting.Security;

/// <summary>
/// A form post whose antiforgery token is missing or wrong is answered 400 here, with a line in the log and no
/// exception: left to the endpoint, reading the form throws, and the error page (re-run for the same POST) throws again.
/// </summary>
public sealed class AntiforgeryRefusal(RequestDelegate next, ILogger<AntiforgeryRefusal> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            logger.LogWarning("Refused {Method} {Path}: its antiforgery token is missing or does not match this browser's", context.Request.Method, RequestLogging.Redact(context.Request.Path));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("This form has expired or did not come from Ocma's own page. Reload the page and send it again.", context.RequestAborted);
            return;
        }

        await next(context);
    }
}
