using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ocma.Tests.Support;
using Quartz;

namespace Ocma.Tests.Core.Jobs;

/// <summary>Quartz decides when triggers fire on Ocma's clock, so a trigger armed from Ocma's "now" fires at the instant Ocma meant.</summary>
public sealed class SchedulerClockTests
{
    [Fact]
    public async Task Scheduler_ReadsTheSameClockAsOcma()
    {
        var clock = TestClock.Starting(2041, 6, 1, 12);
        await using var app = new OcmaAppFactory(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        _ = app.Server;

        var scheduler = await app.Get<ISchedulerFactory>().GetScheduler();

        Assert.Same(clock, scheduler.TimeProvider);
    }
}
