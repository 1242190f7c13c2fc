using Microsoft.Extensions.Options;
using Ocma.Core.Connectors;
using Ocma.Core.Live;

namespace Ocma.Core.Publishing;

/// <summary>
/// A circuit breaker per platform: after <see cref="PublishingOptions.BreakerFailureThreshold"/> outage-like failures in a
/// row (within <see cref="PublishingOptions.BreakerWindow"/>) the platform is degraded and gets no sends for
/// <see cref="PublishingOptions.BreakerDuration"/>; then one trial send decides. In memory, which is enough for one node.
/// </summary>
public sealed class PlatformBreaker(IOptions<PublishingOptions> options, LiveStatus live, TimeProvider time)
{
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Whether the platform is degraded now, until when, and the failure that tripped it.</summary>
    public PlatformStatus StatusOf(string platformKey)
    {
        lock (_gate)
        {
            return _states.TryGetValue(platformKey, out var s) && s.OpenUntil is DateTime until
                ? new PlatformStatus(platformKey, until, s.LastError)
                : new PlatformStatus(platformKey, null, null);
        }
    }

    /// <summary>Null when a send may go now (possibly as the single trial); otherwise when to look again.</summary>
    public BreakerEntry TryEnter(string platformKey)
    {
        var now = Now;
        lock (_gate)
        {
            if (!_states.TryGetValue(platformKey, out var s) || s.OpenUntil is not DateTime until)
            {
                return BreakerEntry.Go;
            }

            if (until > now)
            {
                return BreakerEntry.HoldUntil(until);
            }

            // Half-open: one trial at a time; a trial that never reported back (a crash) is replaced after a break.
            if (s.TrialStartedUtc is DateTime started && now - started < options.Value.BreakerDuration)
            {
                return BreakerEntry.HoldUntil(now + Min(options.Value.BreakerDuration, TimeSpan.FromSeconds(5)));
            }

            s.TrialStartedUtc = now;
            return BreakerEntry.Trial;
        }
    }

    /// <summary>Counts a send's result: outage-like failures trip the breaker; any answer from the platform closes it.</summary>
    public async Task RecordAsync(string platformKey, ConnectorFailure? failure)
    {
        var now = Now;
        PlatformStatusChanged? change = null;
        lock (_gate)
        {
            var s = _states.TryGetValue(platformKey, out var existing) ? existing : _states[platformKey] = new State();
            if (failure is null || !IsOutage(failure.Kind))
            {
                if (s.OpenUntil is not null)
                {
                    change = new PlatformStatusChanged(platformKey, null, null);
                }

                _states.Remove(platformKey);
            }
            else if (s.OpenUntil is not null)
            {
                // A failed trial (or a send that was already under way when it opened): another full break.
                s.TrialStartedUtc = null;
                s.OpenUntil = now + options.Value.BreakerDuration;
                s.LastError = failure.Message;
                change = new PlatformStatusChanged(platformKey, s.OpenUntil, s.LastError);
            }
            else
            {
                if (s.Failures == 0 || now - s.FirstFailureUtc > options.Value.BreakerWindow)
                {
                    s.Failures = 0;
                    s.FirstFailureUtc = now;
                }

                s.Failures++;
                s.LastError = failure.Message;
                if (s.Failures >= options.Value.BreakerFailureThreshold)
                {
                    s.OpenUntil = now + options.Value.BreakerDuration;
                    change = new PlatformStatusChanged(platformKey, s.OpenUntil, s.LastError);
                }
            }
        }

        if (change is not null)
        {
            await live.PublishAsync(change);
        }
    }

    /// <summary>A trial that ended without a platform answer to count (e.g. no usable credentials): let the next target try.</summary>
    public void AbandonTrial(string platformKey)
    {
        lock (_gate)
        {
            if (_states.TryGetValue(platformKey, out var s))
            {
                s.TrialStartedUtc = null;
            }
        }
    }

    private static bool IsOutage(FailureKind kind) => kind is FailureKind.Unavailable or FailureKind.Transient or FailureKind.OutcomeUnknown;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private sealed class State
    {
        public int Failures { get; set; }

        public DateTime FirstFailureUtc { get; set; }

        public DateTime? OpenUntil { get; set; }

        public DateTime? TrialStartedUtc { get; set; }

        public string? LastError { get; set; }
    }
}

/// <summary>A platform's health as the publisher sees it: degraded (sends paused) until a time, and why.</summary>
public sealed record PlatformStatus(string PlatformKey, DateTime? DegradedUntilUtc, string? LastError)
{
    public bool Degraded => DegradedUntilUtc is not null;
}

/// <summary>The breaker's answer to "may this send go now?".</summary>
public sealed record BreakerEntry(bool Allowed, bool IsTrial, DateTime? HeldUntilUtc)
{
    public static readonly BreakerEntry Go = new(true, false, null);

    public static readonly BreakerEntry Trial = new(true, true, null);

    public static BreakerEntry HoldUntil(DateTime until) => new(false, false, until);
}
