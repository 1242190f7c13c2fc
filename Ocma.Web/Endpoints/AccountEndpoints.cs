using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Ocma.Core.Audit;
using Ocma.Core.Identity;

namespace Ocma.Web.Endpoints;

public static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        // A form post with an antiforgery token (the layout's Sign out button).
        app.MapPost("/Account/Logout", async ([FromForm] string? returnUrl, SignInManager<OcmaUser> signIn, AuditLog audit, HttpContext http) =>
        {
            var actor = Actor.From(http.User);
            await signIn.SignOutAsync();
            if (actor.UserId is not null)
            {
                await audit.WriteAsync(actor, "user.signed-out", $"user {actor.Name}", null, http.RequestAborted);
            }

            return Results.LocalRedirect("/Account/Login");
        }).RequireAuthorization();
        return app;
    }
}
