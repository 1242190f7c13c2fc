using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;

namespace Ocma.Core.Audit;

/// <summary>Admin → Audit log: filtered, paged reads of the audit trail, newest first. There is no way to change it.</summary>
public sealed class AuditQuery(IDbContextFactory<OcmaDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<Result<AuditPage>> SearchAsync(AuditFilter filter, int skip, int take, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<AuditPage>("Only an Admin can read the audit log.");
        }

        if (filter.FromUtc is DateTime from && filter.ToUtc is DateTime to && from >= to)
        {
            return Result.Fail<AuditPage>("The start of the date range is after its end. Swap the dates.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Actor))
        {
            events = events.Where(e => e.Actor == filter.Actor);
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            events = events.Where(e => e.Action == filter.Action);
        }

        if (filter.FromUtc is DateTime fromUtc)
        {
            events = events.Where(e => e.AtUtc >= fromUtc);
        }

        if (filter.ToUtc is DateTime toUtc)
        {
            events = events.Where(e => e.AtUtc < toUtc);
        }

        var total = await events.CountAsync(cancellationToken);
        var page = await events.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .ToListAsync(cancellationToken);
        return new AuditPage(page, total);
    }

    /// <summary>Who has acted and which actions exist, for the filter lists.</summary>
    public async Task<Result<AuditChoices>> ChoicesAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<AuditChoices>("Only an Admin can read the audit log.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actors = await db.AuditEvents.Select(e => e.Actor).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var actions = await db.AuditEvents.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return new AuditChoices(actors, actions);
    }
}

/// <summary>Empty fields match everything. <see cref="ToUtc"/> is exclusive.</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, DateTime? FromUtc = null, DateTime? ToUtc = null)
{
    /// <summary>A filter for whole days in the brand's zone: from the start of <paramref name="fromDate"/> to the end of <paramref name="toDate"/>.</summary>
    public static AuditFilter ForDays(string? actor, string? action, DateOnly? fromDate, DateOnly? toDate, string zoneId) =>
        new(actor, action, fromDate is DateOnly from ? StartOfDay(from, zoneId) : null, toDate is DateOnly to ? StartOfDay(to.AddDays(1), zoneId) : null);

    /// <summary>The first instant of a local day; where the clocks skip midnight, the day starts an hour later.</summary>
    private static DateTime StartOfDay(DateOnly day, string zoneId)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var utc = Calendar.ZoneClock.ToUtc(midnight, zoneId);
        return utc.Succeeded ? utc.Value : Calendar.ZoneClock.ToUtc(midnight.AddHours(1), zoneId).Value;
    }
}

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total);

public sealed record AuditChoices(IReadOnlyList<string> Actors, IReadOnlyList<string> Actions);
