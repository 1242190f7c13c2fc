using Microsoft.Extensions.Time.Testing;
using Ocma.Core.Connectors;
using Ocma.Core.Publishing;

namespace Ocma.Tests.Core.Publishing;

/// <summary>The per-channel token bucket fed by platforms' rate-limit headers.</summary>
public sealed class ChannelBudgetsTests
{
    private readonly FakeTimeProvider _clock = new(TestClock.At(2026, 11, 24, 9, 0, 0));

    [Fact]
    public void TryTake_WithTheLastRequestStillInFlight_HoldsUntilTheReset()
    {
        var budgets = new ChannelBudgets(_clock);
        var reset = _clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        Assert.Null(budgets.TryTake(1)); // nothing known yet: send
        Assert.Null(budgets.TryTake(1));

        // The first answer says one request is left, but the second send is still out and will use it.
        budgets.Observe(1, new RateBudget(1, reset));
        budgets.Release(1);

        Assert.Equal(reset, budgets.TryTake(1));
        Assert.Null(budgets.TryTake(2)); // other channels are not affected
    }

    [Fact]
    public void TryTake_CountsDownTheReportedBudgetThenForgetsItAfterTheReset()
    {
        var budgets = new ChannelBudgets(_clock);
        var reset = _clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        Assert.Null(budgets.TryTake(1));
        budgets.Observe(1, new RateBudget(2, reset));
        budgets.Release(1);

        Assert.Null(budgets.TryTake(1));
        Assert.Null(budgets.TryTake(1));
        Assert.Equal(reset, budgets.TryTake(1));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(budgets.TryTake(1));
    }
}
