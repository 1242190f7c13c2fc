using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Every fault stage on the Sandbox in its no-idempotency mode (a resend is a second post): before the post is stored,
/// stored then a 500, stored then a reset, stored then no answer, and a 429. Each target ends Published exactly once
/// by the platform's own table; duplicates, lost and misreported are counted per target.
/// </summary>
public sealed class SandboxFaultMatrixTests(ITestOutputHelper output)
{
    private const int Posts = 4;

    [Theory]
    [InlineData(SandboxFailureMode.Unavailable)]
    [InlineData(SandboxFailureMode.StoredThenError)]
    [InlineData(SandboxFailureMode.ConnectionDropped)]
    [InlineData(SandboxFailureMode.StoredThenTimeout)]
    [InlineData(SandboxFailureMode.RateLimited)]
    public async Task FaultStage_EveryTargetPublishedExactlyOnce(SandboxFailureMode stage)
    {
        await using var harness = await PublishingHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:HonourIdempotencyKey"] = "false",
            ["Publishing:FirstRetryDelay"] = "00:00:00.200",
            ["Publishing:MaxRetryDelay"] = "00:00:01",
            ["Sandbox:RateLimitWait"] = "00:00:01", // the 429's reset
        });
        await harness.FailNextAsync(stage, Posts - 1);
        var ids = new List<int>();
        for (var i = 0; i < Posts; i++)
        {
            ids.Add((await harness.ComposeAsync($"{stage} post #{i}")).Value.Targets.Single().Id);
        }

        await using var db = await harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var targets = await Eventually.MatchesAsync(
            () => db.PostTargets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(),
            all => all.All(t => TargetTransitions.IsSettled(t.State)), TimeSpan.FromSeconds(30), $"every target to settle after {stage}");
        var stored = await db.SandboxPosts.AsNoTracking().Select(p => new StoredPost(p.IdempotencyKey!, p.Id.ToString())).ToListAsync();
        var counts = DeliveryAudit.Count(stored, targets.Select(t => new ReportedTarget(t.IdempotencyKey, t.State, t.PlatformPostId, t.LastError)));
        output.WriteLine($"{stage}: {counts}");
        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.All(targets, t => Assert.Equal(TargetState.Published, t.State));
    }
}
