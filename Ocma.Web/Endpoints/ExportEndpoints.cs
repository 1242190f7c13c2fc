using System.Security.Claims;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Bulk;
using Ocma.Core.Identity;

namespace Ocma.Web.Endpoints;

public static class ExportEndpoints
{
    /// <summary><c>/exports/posts.csv</c> and <c>/exports/calendar.ics</c>: the posts of the brand the user works in (or, for the calendar, the member brand it names), for any signed-in role.</summary>
    public static WebApplication MapExportEndpoints(this WebApplication app)
    {
        var exports = app.MapGroup("/exports").RequireAuthorization();
        exports.MapGet("/posts.csv", async (PostExportService export, BrandService brands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var brand = await brands.GetCurrentAsync(Actor.From(user).UserId, cancellationToken);
            return Results.File(await export.PostsCsvAsync(brand.Id, cancellationToken), "text/csv; charset=utf-8", "ocma-posts.csv");
        });
        // ?brand=N: the brand the calendar page shows (a link can show another than the one worked in), if the person is a member.
        exports.MapGet("/calendar.ics", async (int? brand, PostExportService export, BrandService brands, ActorResolver actors, HttpContext http, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var actor = (await actors.ResolveAsync(Actor.From(user).UserId, user.Identity?.Name ?? string.Empty, cancellationToken)).Actor;
            var shown = brand is int asked
                ? (await brands.ListForAsync(actor, cancellationToken)).FirstOrDefault(b => b.Id == asked)
                : await brands.GetCurrentAsync(actor.UserId, cancellationToken);
            return shown is null
                ? Results.NotFound()
                : Results.Text(await export.CalendarAsync(shown.Id, PublicAddress.Of(http), cancellationToken), "text/calendar; charset=utf-8");
        });
        return app;
    }
}
