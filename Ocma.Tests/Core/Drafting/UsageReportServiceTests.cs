using Ocma.Core.Drafting;

namespace Ocma.Tests.Core.Drafting;

public sealed class UsageReportServiceTests
{
    private static AiUsage Usage(int day, string user, int brandId, string model, decimal cost, DraftingFailureKind? failure = null, int month = 11) => new()
    {
        AtUtc = new DateTime(2026, month, day, 12, 0, 0, DateTimeKind.Utc), UserId = user, UserName = user, BrandId = brandId,
        Provider = model == "rules-v1" ? "built-in" : "openai-compatible", Model = model, TokensIn = 100, TokensOut = 10, Cost = cost, Failure = failure,
    };

    [Fact]
    public async Task GetMonthAsync_MixedUsage_TotalsByUserBrandModelAndPerDay()
    {
        await using var app = await DraftingHarness.StartAsync();
        await using (var db = await app.DbAsync())
        {
            db.AiUsages.AddRange(
                Usage(1, "Ana", 1, "gpt-test", 0.10m),
                Usage(1, "Ana", 1, "gpt-test", 0.05m, DraftingFailureKind.RateLimited),
                Usage(3, "Ben", 2, "claude-test", 0.40m),
                Usage(3, "Ben", 1, "rules-v1", 0m),
                Usage(30, "Ana", 2, "gpt-test", 0.20m),
                Usage(1, "Ana", 1, "gpt-test", 9m, month: 10),
                Usage(1, "Ana", 1, "gpt-test", 9m, month: 12));
            await db.SaveChangesAsync();
        }

        var report = (await app.Get<UsageReportService>().GetMonthAsync(DraftingHarness.Admin, 2026, 11, CancellationToken.None)).Value;

        Assert.Equal(new UsageTotal("All", 5, 1, 500, 50, 0.75m), report.Total);
        Assert.Equal([new UsageTotal("Ben", 2, 0, 200, 20, 0.40m), new UsageTotal("Ana", 3, 1, 300, 30, 0.35m)], report.ByUser);
        Assert.Equal([("Globex", 0.60m), ("Acme", 0.15m)], report.ByBrand.Select(b => (b.Key, b.Cost)));
        Assert.Equal(["openai-compatible / claude-test", "openai-compatible / gpt-test", "built-in / rules-v1"], report.ByModel.Select(m => m.Key));
        Assert.Equal(30, report.Days.Count);
        Assert.Equal(new DailyUsage(new DateOnly(2026, 11, 1), 2, 220, 0.15m), report.Days[0]);
        Assert.Equal(new DailyUsage(new DateOnly(2026, 11, 2), 0, 0, 0m), report.Days[1]);
        Assert.Equal(0.20m, report.Days[29].Cost);
    }

    [Fact]
    public async Task GetMonthAsync_NotAnAdmin_Refused()
    {
        await using var app = await DraftingHarness.StartAsync();

        var result = await app.Get<UsageReportService>().GetMonthAsync(DraftingHarness.Editor, 2026, 11, CancellationToken.None);

        Assert.Equal("Only Admins can see AI usage and cost.", result.Error);
    }
}
