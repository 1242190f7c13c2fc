using Ocma.Core.Channels;
using Ocma.Core.Publishing;
using Quartz;

namespace Ocma.Core.Jobs;

/// <summary>Every job and recurring trigger Ocma runs, in one place. The dispatch trigger is armed at run time.</summary>
public static class JobSchedule
{
    public static readonly JobKey Sweep = new("sweep", "publishing");
    public static readonly JobKey ChannelHealth = new("health", "channels");
    public static readonly JobKey GrantRefresh = new("refresh", "channels");

    public static void Declare(IQuartzBuilder quartz)
    {
        quartz.AddJob<DispatchJob>(j => j.WithIdentity(DispatchTrigger.JobKey).StoreDurably());

        // At start-up and every minute: recover orphans and re-arm the dispatcher.
        Every<SweepJob>(quartz, Sweep, TimeSpan.FromMinutes(1));

        // At start-up and every 5 minutes: refresh grants expiring within 15 minutes.
        Every<GrantRefreshJob>(quartz, GrantRefresh, TimeSpan.FromMinutes(5));

        // At start-up and every 15 minutes: probe every active channel's health.
        Every<ChannelHealthJob>(quartz, ChannelHealth, TimeSpan.FromMinutes(15));
    }

    /// <summary>A durable job run at start-up and then every <paramref name="interval"/>.</summary>
    private static void Every<TJob>(IQuartzBuilder quartz, JobKey key, TimeSpan interval)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably());
        quartz.AddTrigger(t => t.WithIdentity(key.Name, key.Group).ForJob(key).StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
