using Ocma.Core.Connectors;

namespace Ocma.Core.Publishing;

/// <summary>
/// Asks, before a send, whether the channel is paused by a rate limit, whether a sending slot is free, whether the
/// channel's rate-limit budget has a request left and whether the platform's breaker lets it through; after the send,
/// feeds the platform's answer back into the pause, the budget and the breaker.
/// </summary>
public sealed class SendGate(ChannelPauses pauses, SendSlots slots, ChannelBudgets budgets, PlatformBreaker breaker, TimeProvider time)
{
    /// <summary>A pass to send (dispose it after the send), or a reason to put the target back until a time.</summary>
    public async Task<SendPass> EnterAsync(int channelId, ConnectorDescriptor platform, CancellationToken cancellationToken)
    {
        if (pauses.PausedUntil(channelId) is DateTime pausedUntil)
        {
            return SendPass.Hold(pausedUntil, FailureKind.RateLimited, $"Waiting for {platform.DisplayName}'s rate limit to reset at {pausedUntil:HH:mm:ss} UTC.");
        }

        var held = await slots.TryTakeAsync(channelId, platform.Key, cancellationToken);
        if (held is null)
        {
            var soon = time.GetUtcNow().UtcDateTime.AddSeconds(1);
            return SendPass.Hold(soon, FailureKind.RateLimited, $"Waiting for a free sending slot: other posts to {platform.DisplayName} are going out.");
        }

        if (budgets.TryTake(channelId) is DateTime resetUtc)
        {
            held.Dispose();
            return SendPass.Hold(resetUtc, FailureKind.RateLimited,
                $"{platform.DisplayName} allows no more posts from this account until {resetUtc:HH:mm:ss} UTC (its rate limit); Ocma waits rather than be refused.");
        }

        var entry = breaker.TryEnter(platform.Key);
        if (!entry.Allowed)
        {
            budgets.Release(channelId);
            held.Dispose();
            var until = entry.HeldUntilUtc!.Value;
            return SendPass.Hold(until, FailureKind.Unavailable, $"{platform.DisplayName} is failing; Ocma is pausing sends until {until:HH:mm:ss} UTC.");
        }

        return new SendPass(null, () =>
        {
            budgets.Release(channelId);
            held.Dispose();
            if (entry.IsTrial)
            {
                breaker.AbandonTrial(platform.Key); // no effect once the trial's answer was recorded
            }
        });
    }

    /// <summary>
    /// Learns from a platform's answer to a send: the reported budget refills the channel's bucket, a rate limit pauses
    /// the channel, outages feed the breaker.
    /// </summary>
    public async Task ObserveAsync<T>(int channelId, string platformKey, ConnectorResult<T> answer)
    {
        if (answer.Budget is RateBudget budget)
        {
            budgets.Observe(channelId, budget);
        }

        var failure = answer.Failure;
        if (failure is { Kind: FailureKind.RateLimited, RetryAfter: TimeSpan wait } && wait > TimeSpan.Zero)
        {
            pauses.Pause(channelId, time.GetUtcNow().UtcDateTime + wait);
        }

        await breaker.RecordAsync(platformKey, failure);
    }
}

/// <summary>Either leave to send now (dispose to free the slots) or a hold: put the target back until a time, with a reason.</summary>
public sealed class SendPass(SendHold? hold, Action? release) : IDisposable
{
    public SendHold? Held => hold;

    public static SendPass Hold(DateTime untilUtc, FailureKind kind, string reason) => new(new SendHold(untilUtc, kind, reason), null);

    public void Dispose() => release?.Invoke();
}

public sealed record SendHold(DateTime UntilUtc, FailureKind Kind, string Reason);
