using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Ocma.Core.Drafting;
using Ocma.Tests.Fakes.Ai;

namespace Ocma.Tests.Core.Drafting;

/// <summary>The monthly AI budget, as the draft service enforces it.</summary>
public sealed class BudgetTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TestClock.At(2026, 11, 20, 10, 0, 0);
    private readonly FakeTimeProvider _time = new(Now);
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<DraftingHarness> StartAsync(decimal spentThisMonth, decimal? brandBudget = null)
    {
        var settings = DraftingHarness.OpenAI(_server);
        settings["DefaultMonthlyBudget"] = "20";
        var app = await DraftingHarness.StartAsync(settings, _time);
        if (brandBudget is not null)
        {
            await app.SaveVoiceAsync(new BrandVoice { BrandId = DraftingHarness.BrandId, MonthlyBudget = brandBudget });
        }

        await using var db = await app.DbAsync();
        db.AiUsages.AddRange(
            Usage(Now.UtcDateTime.AddDays(-3), spentThisMonth),
            Usage(TestClock.Utc(2026, 10, 31, 23, 0, 0), 500m), // last month does not count
            Usage(Now.UtcDateTime.AddDays(-1), 500m, DraftingHarness.OtherBrandId)); // nor does another brand
        await db.SaveChangesAsync();
        return app;
    }

    private static AiUsage Usage(DateTime at, decimal cost, int brandId = DraftingHarness.BrandId) => new()
    {
        AtUtc = at, UserId = "u", UserName = "U", BrandId = brandId, Provider = "openai-compatible", Model = "gpt-test", Cost = cost,
    };

    [Fact]
    public async Task DraftFromBriefAsync_BelowEightyPercent_NoWarning()
    {
        await using var app = await StartAsync(10m);

        var result = await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context(), "brief", null, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.False(result.Budget!.IsWarning);
        Assert.Null(result.Budget.Message);
    }

    [Fact]
    public async Task DraftFromBriefAsync_AtEightyPercent_SucceedsWithWarning()
    {
        await using var app = await StartAsync(16m);

        var result = await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context(), "brief", null, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.True(result.Budget!.IsWarning);
        Assert.Equal($"This brand has used 80 % of its AI budget for November {TestClock.Year(2026)} (16.00 of 20.00).", result.Budget.Message);
    }

    [Fact]
    public async Task DraftFromBriefAsync_BudgetSpent_StopsBeforeCallingTheProvider()
    {
        await using var app = await StartAsync(20m);

        var result = await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context(), "brief", null, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.BudgetExhausted, result.Failure?.Kind);
        Assert.Equal(
            $"This brand's AI budget for November {TestClock.Year(2026)} is spent (20.00 of 20.00). Hosted AI is paused until next month or until an Admin raises the budget; the built-in drafter still works.",
            result.Failure!.Message);
        Assert.Empty(_server.Journal);
        await using var db = await app.DbAsync();
        Assert.Equal(3, await db.AiUsages.CountAsync());
    }

    [Fact]
    public async Task DraftFromBriefAsync_BudgetSpentButBuiltInChosen_StillDrafts()
    {
        await using var app = await StartAsync(25m);

        var result = await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context(builtInOnly: true), "cold brew is back", null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("built-in", result.Value.Provider);
        Assert.Empty(_server.Journal);
    }

    [Fact]
    public async Task DraftFromBriefAsync_BrandOverrideSpent_StopsThoughDefaultIsNot()
    {
        await using var app = await StartAsync(5m, brandBudget: 5m);

        var result = await app.Get<DraftService>().DraftFromBriefAsync(DraftingHarness.Context(), "brief", null, CancellationToken.None);

        Assert.Equal(DraftingFailureKind.BudgetExhausted, result.Failure?.Kind);
    }

    [Fact]
    public async Task GetStatusAsync_OtherBrandAndLastMonth_NotCounted()
    {
        await using var app = await StartAsync(3m);

        var status = await app.Get<BudgetService>().GetStatusAsync(DraftingHarness.BrandId, CancellationToken.None);

        Assert.Equal((20m, 3m), (status.Limit, status.Spent));
        Assert.Equal(TestClock.Utc(2026, 11, 1, 0, 0, 0), status.MonthStartUtc);
    }
}
