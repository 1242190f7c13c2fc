using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Live;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Publishing;

/// <summary>The per-platform circuit breaker in the running app, tripped by the Sandbox platform answering 503.</summary>
public sealed class PlatformBreakerTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Publishing:FirstRetryDelay"] = "00:00:05",
        ["Publishing:BreakerFailureThreshold"] = "3",
        ["Publishing:BreakerDuration"] = "00:00:01.500",
    };

    [Fact]
    public async Task Publish_AfterRepeatedUnavailable_HoldsTargetsWithoutSendingThenClosesAfterSuccessfulTrial()
    {
        await using var harness = await PublishingHarness.StartAsync(Settings);
        var events = new ConcurrentQueue<PlatformStatusChanged>();
        using var subscription = harness.App.Get<LiveStatus>().Subscribe(e =>
        {
            if (e is PlatformStatusChanged change)
            {
                events.Enqueue(change);
            }

            return Task.CompletedTask;
        });
        await harness.FailNextAsync(SandboxFailureMode.Unavailable, 3);

        var failing = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            failing.Add((await harness.ComposeAsync($"Outage post {i}")).Value.Id);
        }

        await Eventually.MatchesAsync(() => Task.FromResult(events.Count), n => n >= 1, TimeSpan.FromSeconds(20), "the breaker to open");
        var opened = events.First();
        Assert.NotNull(opened.DegradedUntilUtc);
        Assert.True(harness.App.Get<PlatformBreaker>().StatusOf("sandbox").Degraded);

        var heldPost = (await harness.ComposeAsync("Held while degraded")).Value.Id;
        var held = await harness.WaitForTargetAsync(heldPost, s => s == TargetState.Retrying);
        Assert.Contains("is failing; Ocma is pausing sends until", held.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await AttemptsAsync(harness, heldPost));
        Assert.Equal(0, await harness.FeedCountAsync("Held while degraded"));

        // After the break the held post is the single trial; the platform is healthy again, so it goes out and the breaker closes.
        await harness.WaitForTargetAsync(heldPost, s => s == TargetState.Published);
        Assert.Equal(1, await AttemptsAsync(harness, heldPost));
        Assert.False(harness.App.Get<PlatformBreaker>().StatusOf("sandbox").Degraded);
        Assert.Contains(events, e => e.DegradedUntilUtc is null);
        foreach (var post in failing)
        {
            await harness.WaitForTargetAsync(post, s => s == TargetState.Published);
        }
    }

    [Fact]
    public async Task Publish_TrialFailsAgain_StaysDegradedAndHoldsTheNextPost()
    {
        await using var harness = await PublishingHarness.StartAsync(Settings);
        await harness.FailNextAsync(SandboxFailureMode.Unavailable, 4);
        for (var i = 0; i < 3; i++)
        {
            await harness.ComposeAsync($"Outage post {i}");
        }

        var breaker = harness.App.Get<PlatformBreaker>();
        await Eventually.MatchesAsync(() => Task.FromResult(breaker.StatusOf("sandbox")), s => s.Degraded, TimeSpan.FromSeconds(20), "the breaker to open");
        var trialPost = (await harness.ComposeAsync("Trial post")).Value.Id;

        // The trial meets the fourth 503: another full break, with the platform's message kept for the channel cards.
        await Eventually.MatchesAsync(
            async () => (Attempts: await AttemptsAsync(harness, trialPost), Target: await harness.TargetOfAsync(trialPost)),
            x => x.Attempts == 1 && x.Target.State == TargetState.Retrying, TimeSpan.FromSeconds(20), "the trial send to fail and settle");
        var status = breaker.StatusOf("sandbox");
        Assert.True(status.DegradedUntilUtc > TimeProvider.System.GetUtcNow().UtcDateTime, "a failed trial opens the breaker for another break");
        Assert.False(string.IsNullOrWhiteSpace(status.LastError));
        var next = (await harness.ComposeAsync("After failed trial")).Value.Id;
        var held = await harness.WaitForTargetAsync(next, s => s == TargetState.Retrying);
        Assert.Contains("is failing; Ocma is pausing sends until", held.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await AttemptsAsync(harness, next));
    }

    private static async Task<int> AttemptsAsync(PublishingHarness harness, int postId)
    {
        await using var db = await harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PublishAttempts.CountAsync(a => db.PostTargets.Any(t => t.Id == a.TargetId && t.PostId == postId));
    }
}
