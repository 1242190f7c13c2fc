using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>Every Mastodon fault stage × a kill -9 of the console at a random point of the burst (idempotency off: every POST is a new status).</summary>
[Trait("Category", "Crash")]
public sealed class MastodonKillMatrixTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(MastodonFaultMatrixTests.Stages), MemberType = typeof(MastodonFaultMatrixTests))]
    public async Task FaultStageAndKill_EveryTargetPublishedExactlyOnce(string stage)
    {
        await using var fake = await MastodonFake.StartAsync();
        fake.RateLimit = 1_000_000;
        fake.HonourIdempotencyKey = false;
        fake.StatusLatency = TimeSpan.FromMilliseconds(30); // the window a kill must hit: stored, not yet answered
        using var realTime = new FollowTheRealClock(fake.Clock);
        var platform = new FaultedPlatform(
            MastodonChannels.Settings,
            (app, admin) => MastodonChannels.ConnectAsync(app, admin, fake),
            FaultedPlatform.EachTime(stage => MastodonFaultMatrixTests.Arm(fake, stage)),
            _ => Task.FromResult<IReadOnlyList<StoredPost>>([.. fake.Statuses.Select(s => new StoredPost(s.IdempotencyKey!, s.Id))]));

        var counts = await KillDuringFaults.RunAsync(platform, stage, targets: 40, output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.Equal(40, counts.Targets);
    }
}
