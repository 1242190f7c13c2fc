using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ocma.Core.Data;
using Quartz;

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

/// <summary>Ready when the scheduler is running (not in standby, not shut down).</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("The scheduler is running.")
            : HealthCheckResult.Unhealthy($"The scheduler is not running ({status}).");
    }
}
