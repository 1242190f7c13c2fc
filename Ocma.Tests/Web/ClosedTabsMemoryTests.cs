using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ocma.Tests.Support;
using Ocma.Web.Hosting;

namespace Ocma.Tests.Web;

/// <summary>After many tabs close and the console falls quiet, their memory is collected once; a few closing tabs cost nothing.</summary>
public sealed class ClosedTabsMemoryTests
{
    private readonly FakeTimeProvider _clock = new(TestClock.At(2026, 3, 2, 9, 0));

    [Fact]
    public async Task ManyTabsClosed_ThenQuiet_CollectsOnce()
    {
        using var memory = new ClosedTabsMemory(_clock, NullLogger<ClosedTabsMemory>.Instance);
        await OpenAndCloseAsync(memory, ClosedTabsMemory.ClosuresWorthCollecting);

        _clock.Advance(ClosedTabsMemory.QuietPeriod - TimeSpan.FromSeconds(1));
        Assert.Equal(0, memory.Collections); // still within the quiet period
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, memory.Collections);
        _clock.Advance(ClosedTabsMemory.QuietPeriod * 3);
        Assert.Equal(1, memory.Collections);
        Assert.Equal(0, memory.Open);
    }

    [Fact]
    public async Task AFewTabsClosed_CollectNothing_UntilEnoughHaveClosed()
    {
        using var memory = new ClosedTabsMemory(_clock, NullLogger<ClosedTabsMemory>.Instance);
        await OpenAndCloseAsync(memory, ClosedTabsMemory.ClosuresWorthCollecting - 1);
        _clock.Advance(ClosedTabsMemory.QuietPeriod);
        Assert.Equal(0, memory.Collections);

        await OpenAndCloseAsync(memory, 1);
        _clock.Advance(ClosedTabsMemory.QuietPeriod);
        Assert.Equal(1, memory.Collections);
    }

    private static async Task OpenAndCloseAsync(ClosedTabsMemory memory, int tabs)
    {
        for (var i = 0; i < tabs; i++)
        {
            await memory.OnCircuitOpenedAsync(null!, CancellationToken.None);
        }

        for (var i = 0; i < tabs; i++)
        {
            await memory.OnCircuitClosedAsync(null!, CancellationToken.None);
        }
    }
}
