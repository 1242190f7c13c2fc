using Quartz;

namespace Ocma.Core.Publishing;

/// <summary>
/// The one durable Quartz trigger that wakes the dispatcher, kept armed at the earliest due time
/// (see docs/adr/0003-one-dispatch-trigger.md). Arming only ever moves it earlier; the dispatcher re-arms it
/// after every run from the post tables, which are the truth.
/// </summary>
public sealed class DispatchTrigger(ISchedulerFactory schedulerFactory, TimeProvider time)
{
    public static readonly JobKey JobKey = new("publish-dispatch", "publishing");
    public static readonly TriggerKey TriggerKey = new("publish-dispatch", "publishing");

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _arms;

    /// <summary>How many times the trigger was armed so far: the dispatcher reads it before it reads the post tables (see <see cref="ResetAsync"/>).</summary>
    public long ArmsSoFar => Interlocked.Read(ref _arms);

    /// <summary>Makes sure the dispatcher runs no later than <paramref name="dueUtc"/>.</summary>
    public async Task ArmAsync(DateTime dueUtc, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _arms);
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await MoveEarlierAsync(scheduler, dueUtc, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sets the trigger to exactly <paramref name="nextDueUtc"/> (or removes it when nothing is due), as read from the post
    /// tables after <paramref name="armsSeen"/> arms. If someone armed it meanwhile (a post saved after that read), the
    /// trigger is only ever moved earlier: a later reset must never swallow that post's wake-up.
    /// </summary>
    public async Task ResetAsync(DateTime? nextDueUtc, long armsSeen, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (ArmsSoFar != armsSeen)
            {
                if (nextDueUtc is DateTime due)
                {
                    await MoveEarlierAsync(scheduler, due, cancellationToken);
                }

                return;
            }

            var exists = await scheduler.Exists(TriggerKey, cancellationToken);
            if (nextDueUtc is null)
            {
                if (exists)
                {
                    await scheduler.UnscheduleJob(TriggerKey, cancellationToken);
                }

                return;
            }

            var fireAt = new DateTimeOffset(DateTime.SpecifyKind(nextDueUtc.Value, DateTimeKind.Utc));
            await RescheduleAsync(scheduler, fireAt < time.GetUtcNow() ? time.GetUtcNow() : fireAt, exists, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>When the dispatcher will next wake, as stored in the job store.</summary>
    public async Task<DateTimeOffset?> NextFireAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return (await scheduler.GetTrigger(TriggerKey, cancellationToken))?.NextFireTimeUtc;
    }

    /// <summary>Call with the gate held.</summary>
    private async Task MoveEarlierAsync(IScheduler scheduler, DateTime dueUtc, CancellationToken cancellationToken)
    {
        var fireAt = new DateTimeOffset(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc));
        var now = time.GetUtcNow();
        if (fireAt < now)
        {
            fireAt = now;
        }

        var current = await scheduler.GetTrigger(TriggerKey, cancellationToken);
        if (current?.NextFireTimeUtc is DateTimeOffset next && next <= fireAt)
        {
            return;
        }

        await RescheduleAsync(scheduler, fireAt, current is not null, cancellationToken);
    }

    private static async Task RescheduleAsync(IScheduler scheduler, DateTimeOffset fireAt, bool exists, CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKey)
            .ForJob(JobKey)
            .StartAt(fireAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        if (exists)
        {
            await scheduler.RescheduleJob(TriggerKey, trigger, cancellationToken);
        }
        else
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        }
    }
}
