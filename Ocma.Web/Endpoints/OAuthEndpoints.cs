using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Identity;

namespace Ocma.Web.Endpoints;

/// <summary>The connect round trip: <c>/oauth/{platform}/start</c> sends the browser to consent, <c>/oauth/{platform}/callback</c> finishes it; <c>/channels/{id}/reconnect</c> starts the right one for a channel.</summary>
public static class OAuthEndpoints
{
    public static WebApplication MapOAuthEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/oauth/{platform}").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Editor));

        group.MapGet("/start", async (string platform, string? instance, HttpContext http, ConnectService connect, BrandService brands, ActorResolver actors) =>
        {
            var actor = await actors.ActorOfAsync(http);
            var brand = await brands.GetCurrentAsync(actor.UserId, http.RequestAborted);
            var started = await connect.StartAsync(platform, brand.Id, actor, CallbackUri(http, platform), "/channels", instance, http.RequestAborted);
            return started.Succeeded ? Results.Redirect(started.Value.ToString()) : Problem(started.Error!);
        });

        group.MapGet("/callback", async (string platform, string? code, string? state, string? error, HttpContext http, ConnectService connect, ActorResolver actors) =>
        {
            var done = await connect.CompleteAsync(platform, code, state, error, CallbackUri(http, platform), await actors.ActorOfAsync(http), http.RequestAborted);
            if (!done.Succeeded)
            {
                return Problem(done.Error!);
            }

            if (done.Value.PendingId is { } pendingId)
            {
                return Results.LocalRedirect($"/channels/pick/{pendingId}");
            }

            var returnUrl = done.Value.ReturnUrl.StartsWith('/') && !done.Value.ReturnUrl.StartsWith("//", StringComparison.Ordinal) ? done.Value.ReturnUrl : "/channels";
            return Results.LocalRedirect($"{returnUrl}?connected={done.Value.Channels.Count}");
        });

        // One reconnect link for every channel (Channels, Needs attention): the service knows which way each platform signs in.
        app.MapGet("/channels/{channelId:int}/reconnect", async (int channelId, HttpContext http, ChannelService channels, BrandService brands, ActorResolver actors) =>
        {
            var actor = await actors.ActorOfAsync(http);
            var brand = await brands.GetCurrentAsync(actor.UserId, http.RequestAborted);
            var path = await channels.ReconnectPathAsync(channelId, brand.Id, actor, http.RequestAborted);
            return path.Succeeded ? Results.LocalRedirect(path.Value) : PlainProblemPage.Create("Cannot reconnect", path.Error!, "/channels", "Back to Channels");
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Editor));
        return app;
    }

    /// <summary>Ocma's own callback address; <c>PublicBaseUrl</c> overrides it behind a reverse proxy.</summary>
    private static Uri CallbackUri(HttpContext http, string platform) =>
        new(PublicAddress.Of(http), $"oauth/{Uri.EscapeDataString(platform)}/callback");

    private static IResult Problem(string message) => PlainProblemPage.Create("Connection not completed", message, "/channels", "Back to Channels");
}
