using Ocma.Core.Identity;

namespace Ocma.Web.Hosting;

/// <summary>While no user exists, every page leads to /setup; once one exists, /setup is gone.</summary>
public sealed class FirstRunGate(RequestDelegate next, SetupService setup)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (IsAlwaysAllowed(path))
        {
            await next(context);
            return;
        }

        var setUp = await setup.IsSetUpAsync(context.RequestAborted);
        if (!setUp && !path.StartsWithSegments("/setup"))
        {
            context.Response.Redirect("/setup");
            return;
        }

        if (setUp && path.StartsWithSegments("/setup"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("Ocma is already set up. Sign in at /Account/Login.");
            return;
        }

        await next(context);
    }

    private static bool IsAlwaysAllowed(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/css") || path.Value?.EndsWith(".css", StringComparison.Ordinal) == true
        || path.Value?.EndsWith(".js", StringComparison.Ordinal) == true || path.Value?.EndsWith(".ico", StringComparison.Ordinal) == true;
}
