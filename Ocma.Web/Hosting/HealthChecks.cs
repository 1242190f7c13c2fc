using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ocma.Core.Data;

namespace Ocma.Web.Hosting;

/// <summary>Ready when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<OcmaDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken) && await db.Brands.AnyAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database is reachable but not initialised.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached: " + e.Message);
        }
    }
}

/// <summary>Not ready while publishing is paused because Ocma cannot store what it does (a full disk).</summary>
public sealed class StorageHealthCheck(Ocma.Core.Storage.StorageStatus storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(storage.Pause is { } pause
            ? HealthCheckResult.Unhealthy(pause.Headline)
            : HealthCheckResult.Healthy("Ocma can store what it does."));
}
