using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Drafting;

/// <summary>AI usage for the Admin page: a month's totals by user, brand and model, and a per-day series for the chart.</summary>
public sealed class UsageReportService(IDbContextFactory<OcmaDbContext> dbFactory)
{
    /// <summary>One calendar month (UTC). Admins only.</summary>
    public async Task<Result<UsageReport>> GetMonthAsync(Actor actor, int year, int month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return Result.Fail<UsageReport>("Only Admins can see AI usage and cost.");
        }

        if (year is < 2000 or > 9999 || month is < 1 or > 12)
        {
            return Result.Fail<UsageReport>("Pick a month between January 2000 and December 9999.");
        }

        var start = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddMonths(1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brandNames = await db.Brands.ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);

        // Aggregated in memory: SQLite cannot sum decimals on the server; a month is small.
        var rows = await db.AiUsages.AsNoTracking().Where(u => u.AtUtc >= start && u.AtUtc < end)
            .Select(u => new { u.AtUtc, u.UserName, u.BrandId, u.Provider, u.Model, u.TokensIn, u.TokensOut, u.Cost, u.Failure })
            .ToListAsync(cancellationToken);

        var byUser = rows.GroupBy(r => r.UserName).Select(g => Sum(g.Key, g.Select(r => (r.TokensIn, r.TokensOut, r.Cost, r.Failure)))).OrderByDescending(t => t.Cost).ToList();
        var byBrand = rows.GroupBy(r => brandNames.GetValueOrDefault(r.BrandId, $"brand {r.BrandId}"))
            .Select(g => Sum(g.Key, g.Select(r => (r.TokensIn, r.TokensOut, r.Cost, r.Failure)))).OrderByDescending(t => t.Cost).ToList();
        var byModel = rows.GroupBy(r => $"{r.Provider} / {r.Model}")
            .Select(g => Sum(g.Key, g.Select(r => (r.TokensIn, r.TokensOut, r.Cost, r.Failure)))).OrderByDescending(t => t.Cost).ToList();
        var days = Enumerable.Range(0, (end - start).Days).Select(d => DateOnly.FromDateTime(start.AddDays(d)))
            .GroupJoin(rows, day => day, r => DateOnly.FromDateTime(r.AtUtc), (day, g) => new DailyUsage(
                day, g.Count(), g.Sum(r => (long)r.TokensIn + r.TokensOut), g.Sum(r => r.Cost)))
            .ToList();
        return new UsageReport(year, month, Sum("All", rows.Select(r => (r.TokensIn, r.TokensOut, r.Cost, r.Failure))), byUser, byBrand, byModel, days);
    }

    private static UsageTotal Sum(string key, IEnumerable<(int In, int Out, decimal Cost, DraftingFailureKind? Failure)> rows)
    {
        var list = rows.ToList();
        return new UsageTotal(key, list.Count, list.Count(r => r.Failure is not null), list.Sum(r => (long)r.In), list.Sum(r => (long)r.Out), list.Sum(r => r.Cost));
    }
}

/// <summary>A month of AI usage.</summary>
public sealed record UsageReport(int Year, int Month, UsageTotal Total, IReadOnlyList<UsageTotal> ByUser, IReadOnlyList<UsageTotal> ByBrand, IReadOnlyList<UsageTotal> ByModel, IReadOnlyList<DailyUsage> Days);

/// <summary>Calls, failed calls, tokens and cost for one user, brand or model.</summary>
public sealed record UsageTotal(string Key, int Calls, int Failed, long TokensIn, long TokensOut, decimal Cost);

/// <summary>One day of the chart (UTC days).</summary>
public sealed record DailyUsage(DateOnly Day, int Calls, long Tokens, decimal Cost);
