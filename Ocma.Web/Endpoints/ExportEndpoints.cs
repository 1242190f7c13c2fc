using Ocma.Core.Bulk;

namespace Ocma.Web.Endpoints;

public static class ExportEndpoints
{
    /// <summary><c>/exports/posts.csv</c> and <c>/exports/calendar.ics</c>: the current brand's posts, for any signed-in role.</summary>
    public static WebApplication MapExportEndpoints(this WebApplication app)
    {
        var exports = app.MapGroup("/exports").RequireAuthorization();
        exports.MapGet("/posts.csv", async (PostExportService export, CancellationToken cancellationToken) =>
            Results.File(await export.PostsCsvAsync(cancellationToken), "text/csv; charset=utf-8", "ocma-posts.csv"));
        exports.MapGet("/calendar.ics", async (PostExportService export, CancellationToken cancellationToken) =>
            Results.Text(await export.CalendarAsync(cancellationToken), "text/calendar; charset=utf-8"));
        return app;
    }
}
