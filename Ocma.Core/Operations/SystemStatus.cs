using Ocma.Core.Posts;

namespace Ocma.Core.Operations;

/// <summary>What an operator checks first when posts seem late: the scheduler, the queue, the database, the process.</summary>
public sealed record SystemStatus(
    DateTime CheckedUtc,
    string SchedulerStatus,
    DateTime? NextDispatchUtc,
    int DueNow,
    int InProcessPending,
    DueItem? OldestDue,
    IReadOnlyDictionary<TargetState, int> CountsByState,
    string DataDirectory,
    long? DatabaseBytes,
    long? FreeBytes,
    Storage.PublishingPause? Pause,
    string AppVersion,
    string RuntimeVersion,
    TimeSpan Uptime);

/// <summary>The target that has waited longest past its due time without being published.</summary>
public sealed record DueItem(int TargetId, int PostId, TargetState State, DateTime DueUtc, TimeSpan Lag);
