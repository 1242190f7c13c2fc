using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;

namespace Ocma.Core.Drafting;

/// <summary>Each brand's monthly AI budget (calendar month, UTC): the configured default unless the brand's voice sets its own.</summary>
public sealed class BudgetService(IDbContextFactory<OcmaDbContext> dbFactory, IOptionsMonitor<DraftingOptions> options, TimeProvider time)
{
    public async Task<BudgetStatus> GetStatusAsync(int brandId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var own = await db.BrandVoices.Where(v => v.BrandId == brandId).Select(v => v.MonthlyBudget).FirstOrDefaultAsync(cancellationToken);

        // Summed in memory: SQLite cannot sum decimals on the server, and a brand's month is a few thousand rows at most.
        var costs = await db.AiUsages.Where(u => u.BrandId == brandId && u.AtUtc >= monthStart)
            .Select(u => u.Cost).ToListAsync(cancellationToken);
        var settings = options.CurrentValue;
        return new BudgetStatus(own ?? settings.DefaultMonthlyBudget, costs.Sum(), settings.WarnAtFraction, monthStart);
    }
}
