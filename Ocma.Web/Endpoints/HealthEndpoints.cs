using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Ocma.Core.Identity;
using Ocma.Web.Hosting;

namespace Ocma.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary>
    /// <c>/healthz</c>: the process answers. <c>/healthz/ready</c>: database and scheduler too; the status code tells
    /// anyone, the JSON report of each check only a monitor with <see cref="HealthOptions.ReadyToken"/> or an Admin.
    /// </summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = WriteReportAsync,
        });
        return app;
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        object body = MayReadDetails(context)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static bool MayReadDetails(HttpContext context)
    {
        if (context.User.IsInRole(Roles.Admin))
        {
            return true;
        }

        var expected = context.RequestServices.GetRequiredService<IOptions<HealthOptions>>().Value.ReadyToken;
        var sent = context.Request.Headers[HealthOptions.TokenHeader].ToString();
        return !string.IsNullOrEmpty(expected) && sent.Length > 0
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
