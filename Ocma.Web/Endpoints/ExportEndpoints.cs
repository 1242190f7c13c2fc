using System.Security.Claims;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Bulk;

namespace Ocma.Web.Endpoints;

public static class ExportEndpoints
{
    /// <summary><c>/exports/posts.csv</c> and <c>/exports/calendar.ics</c>: the posts of the brand the user works in, for any signed-in role.</summary>
    public static WebApplication MapExportEndpoints(this WebApplication app)
    {
        var exports = app.MapGroup("/exports").RequireAuthorization();
        exports.MapGet("/posts.csv", async (PostExportService export, BrandService brands, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var brand = await brands.GetCurrentAsync(Actor.From(user).UserId, cancellationToken);
            return Results.File(await export.PostsCsvAsync(brand.Id, cancellationToken), "text/csv; charset=utf-8", "ocma-posts.csv");
        });
        exports.MapGet("/calendar.ics", async (PostExportService export, BrandService brands, HttpContext http, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var brand = await brands.GetCurrentAsync(Actor.From(user).UserId, cancellationToken);
            return Results.Text(await export.CalendarAsync(brand.Id, PublicAddress.Of(http), cancellationToken), "text/calendar; charset=utf-8");
        });
        return app;
    }
}
