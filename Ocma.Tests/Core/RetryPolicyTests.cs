using Microsoft.Extensions.Options;
using Ocma.Core.Connectors;
using Ocma.Core.Publishing;

namespace Ocma.Tests.Core;

public sealed class RetryPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private readonly RetryPolicy _policy = new(Options.Create(new PublishingOptions { MaxAttempts = 4, FirstRetryDelay = TimeSpan.FromSeconds(30) }));

    [Theory]
    [InlineData(FailureKind.Rejected)]
    [InlineData(FailureKind.Misconfigured)]
    public void Decide_ContentOrSetupProblem_StopsWithTheMessage(FailureKind kind)
    {
        var decision = _policy.Decide(new ConnectorFailure(kind, "Too long for X."), 1, Now, Now);

        Assert.Equal(RetryAction.Fail, decision.Action);
        Assert.Equal("Too long for X.", decision.Reason);
    }

    [Fact]
    public void Decide_RateLimitedWithRetryAfter_WaitsExactlyThatLong()
    {
        var decision = _policy.Decide(new ConnectorFailure(FailureKind.RateLimited, "Slow down", RetryAfter: TimeSpan.FromMinutes(7)), 1, Now, Now);

        Assert.Equal(RetryAction.Retry, decision.Action);
        Assert.Equal(Now.AddMinutes(7), decision.NextAttemptUtc);
    }

    [Fact]
    public void Decide_Transient_BacksOffExponentiallyWithJitter()
    {
        var first = _policy.Decide(new ConnectorFailure(FailureKind.Transient, "502"), 1, Now, Now).NextAttemptUtc!.Value - Now;
        var third = _policy.Decide(new ConnectorFailure(FailureKind.Transient, "502"), 3, Now, Now).NextAttemptUtc!.Value - Now;

        Assert.InRange(first.TotalSeconds, 24, 36);
        Assert.InRange(third.TotalSeconds, 96, 144);
    }

    [Fact]
    public void Decide_AfterMaxAttempts_GivesUpSayingHowOften()
    {
        var decision = _policy.Decide(new ConnectorFailure(FailureKind.Unavailable, "Down"), 4, Now, Now);

        Assert.Equal(RetryAction.Fail, decision.Action);
        Assert.StartsWith("Gave up after 4 attempts", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Revoked_WaitsForAPerson() =>
        Assert.Equal(RetryAction.NeedsAttention, _policy.Decide(new ConnectorFailure(FailureKind.AuthRevoked, "Revoked."), 1, Now, Now).Action);

    [Fact]
    public void Decide_PastMaximumAge_GivesUp()
    {
        var decision = _policy.Decide(new ConnectorFailure(FailureKind.Transient, "502"), 1, Now.AddDays(-2), Now);

        Assert.Equal(RetryAction.Fail, decision.Action);
        Assert.Contains("Still not published", decision.Reason, StringComparison.Ordinal);
    }
}
