using Ocma.Core.Calendar;

namespace Ocma.Web.Endpoints;

public static class CalendarFeedEndpoints
{
    /// <summary>
    /// <c>/calendar/feed/{secret}.ics</c>, without sign-in: what a calendar app polls. An unknown, replaced or revoked
    /// secret (or a locked person's) is a plain 404 that says nothing about why.
    /// </summary>
    public static WebApplication MapCalendarFeedEndpoints(this WebApplication app)
    {
        app.MapGet(CalendarFeedService.PathPrefix + "{token}.ics", async (string token, HttpContext http, CalendarFeedService feeds, CancellationToken cancellationToken) =>
        {
            if (await feeds.RenderAsync(token, PublicAddress.Of(http), cancellationToken) is not string ics)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, max-age=300";
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }
}
