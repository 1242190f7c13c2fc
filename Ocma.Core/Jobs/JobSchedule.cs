using Ocma.Core.Publishing;
using Quartz;

namespace Ocma.Core.Jobs;

/// <summary>Every job and recurring trigger Ocma runs, in one place. The dispatch trigger is armed at run time.</summary>
public static class JobSchedule
{
    public static readonly JobKey Sweep = new("sweep", "publishing");

    public static void Declare(IQuartzBuilder quartz)
    {
        quartz.AddJob<DispatchJob>(j => j.WithIdentity(DispatchTrigger.JobKey).StoreDurably());

        // At start-up and every minute: recover orphans and re-arm the dispatcher.
        quartz.AddJob<SweepJob>(j => j.WithIdentity(Sweep).StoreDurably());
        quartz.AddTrigger(t => t.WithIdentity("sweep", "publishing").ForJob(Sweep).StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
