using Microsoft.Extensions.Options;
using Ocma.Core.Connectors;

namespace Ocma.Core.Publishing;

/// <summary>Decides, from the failure kind, the attempt count and the target's age, what happens after a failed attempt.</summary>
public sealed class RetryPolicy(IOptions<PublishingOptions> options)
{
    /// <summary>How long to wait before a second look-up on a platform where a miss proves nothing yet.</summary>
    public TimeSpan LookAgainAfter => options.Value.LookAgainAfter;

    public RetryDecision Decide(ConnectorFailure failure, int attemptCount, DateTime dueUtc, DateTime nowUtc)
    {
        var settings = options.Value;
        switch (failure.Kind)
        {
            case FailureKind.Rejected:
            case FailureKind.Misconfigured:
                return RetryDecision.GiveUp(failure.Message);
            case FailureKind.AuthRevoked:
                return RetryDecision.NeedsPerson($"{failure.Message} The post waits until the channel is reconnected.");
        }

        if (attemptCount >= settings.MaxAttempts)
        {
            return RetryDecision.GiveUp($"Gave up after {attemptCount} attempts. Last error: {failure.Message}");
        }

        var delay = failure.RetryAfter ?? Backoff(attemptCount, settings);
        var next = nowUtc + delay;
        if (next - dueUtc > settings.MaxAge)
        {
            return RetryDecision.GiveUp($"{TooOld(settings)} Last error: {failure.Message}");
        }

        return RetryDecision.RetryAt(next, failure.Message);
    }

    /// <summary>
    /// Whether holding a target back until <paramref name="untilUtc"/> (a rate limit, busy slots, a degraded platform)
    /// would carry it past the maximum age; if so, the reason to give up now instead of waiting.
    /// </summary>
    public string? HoldOutlivesMaxAge(DateTime dueUtc, DateTime untilUtc, string holdReason)
    {
        var settings = options.Value;
        return untilUtc - dueUtc > settings.MaxAge ? $"{TooOld(settings)} {holdReason}" : null;
    }

    private static string TooOld(PublishingOptions settings) => $"Still not published {settings.MaxAge.TotalHours:0.#} hours after its time.";

    /// <summary>Exponential backoff with ±20 % jitter so many failed targets do not return in one wave.</summary>
    private static TimeSpan Backoff(int attemptCount, PublishingOptions settings)
    {
        var exponential = settings.FirstRetryDelay.TotalSeconds * Math.Pow(2, Math.Max(0, attemptCount - 1));
        var capped = Math.Min(exponential, settings.MaxRetryDelay.TotalSeconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromSeconds(capped * jitter);
    }
}

/// <summary>What to do with a target after a failed attempt.</summary>
public sealed record RetryDecision(RetryAction Action, DateTime? NextAttemptUtc, string Reason)
{
    public static RetryDecision RetryAt(DateTime next, string reason) => new(RetryAction.Retry, next, reason);

    public static RetryDecision GiveUp(string reason) => new(RetryAction.Fail, null, reason);

    public static RetryDecision NeedsPerson(string reason) => new(RetryAction.NeedsAttention, null, reason);
}

public enum RetryAction
{
    Retry,
    Fail,
    NeedsAttention,
}
