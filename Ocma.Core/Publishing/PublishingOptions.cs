using System.ComponentModel.DataAnnotations;

namespace Ocma.Core.Publishing;

/// <summary>How hard the publisher works and how long it keeps trying.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    /// <summary>Targets sent to platforms at the same time.</summary>
    [Range(1, 256)]
    public int Workers { get; set; } = 16;

    /// <summary>Targets claimed per database round trip when many are due at once.</summary>
    [Range(1, 5000)]
    public int ClaimBatchSize { get; set; } = 500;

    /// <summary>Attempts before a target that keeps failing for passing reasons is dead-lettered.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubles per attempt (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A target still not published this long after its due time is dead-lettered.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A target left in Publishing this long without a worker is recovered by the sweep.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Targets of one channel (one account) sent at the same time.</summary>
    [Range(1, 256)]
    public int MaxConcurrentPerChannel { get; set; } = 4;

    /// <summary>Targets sent to one platform at the same time, across all its channels.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentPerPlatform { get; set; } = 16;

    /// <summary>How long a worker waits for a free sending slot before it puts the target back and takes other work.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan SlotWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive outage-like failures (unavailable, transient, unknown outcome) that mark a platform degraded.</summary>
    [Range(1, 100)]
    public int BreakerFailureThreshold { get; set; } = 5;

    /// <summary>The failures must fall within this window to count as consecutive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakerWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a degraded platform gets no sends before a single trial send decides.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan BreakerDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a send with no clear answer, how long to wait before looking on a platform without idempotency a second
    /// time (its timeline may lag); a second miss holds the target for a person (ADR 0014).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan LookAgainAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the in-flight attempt row is committed with SQLite's synchronous=FULL before the send, so a power cut
    /// cannot lose the record that a send left (ADR 0014). Off only to measure what it costs.
    /// </summary>
    public bool DurableLedger { get; set; } = true;
}
