using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Ownership of a target is a compare-and-set on (state, claim): two start-up sweeps and the dispatcher racing over the
/// same targets never send one twice, and a worker whose claim was taken over cannot write over the new owner.
/// </summary>
public sealed class StartupRaceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Orphans = 30;
    private const int Due = 30;
    private PublishingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Sandbox:HonourIdempotencyKey"] = "false", // a second send shows up as a second post
        ["Sandbox:AnswerDelay"] = "00:00:00.020",
        ["Publishing:FirstRetryDelay"] = "00:00:01",
    });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task TwoSweepsAndTheDispatcher_RacingOnTheSameTargets_SendEachTargetOnce()
    {
        var ids = new List<int>();
        for (var i = 0; i < Orphans + Due; i++)
        {
            ids.Add((await _harness.ComposeAsync($"Race post #{i:00}", ComposeMode.Schedule, DateTime.UtcNow.AddDays(1))).Value.Targets.Single().Id);
        }

        await using (var db = await DbAsync())
        {
            // Half were claimed by a process that died; half are due now and about to be claimed by this one.
            await db.PostTargets.Where(t => ids.Take(Orphans).Contains(t.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.State, TargetState.Publishing).SetProperty(t => t.ClaimId, Guid.NewGuid()).SetProperty(t => t.StateChangedUtc, DateTime.UtcNow));
            await db.PostTargets.Where(t => ids.Skip(Orphans).Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueUtc, DateTime.UtcNow.AddSeconds(-1)));
        }

        var services = _harness.App.Services;
        for (var round = 0; round < 3; round++)
        {
            var sweeps = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<PublishRecovery>(services)).ToList();
            await Task.WhenAll(
                Task.Run(() => sweeps[0].SweepAsync(CancellationToken.None)),
                Task.Run(() => _harness.App.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None)),
                Task.Run(() => sweeps[1].SweepAsync(CancellationToken.None)));
        }

        await using var read = await DbAsync();
        var targets = await Eventually.MatchesAsync(
            () => read.PostTargets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(),
            all => all.All(t => TargetTransitions.IsSettled(t.State)), TimeSpan.FromSeconds(60), "every raced target to settle");
        var stored = await read.SandboxPosts.AsNoTracking().Select(p => new StoredPost(p.IdempotencyKey!, p.Id.ToString())).ToListAsync();
        var counts = DeliveryAudit.Count(stored, targets.Select(t => new ReportedTarget(t.IdempotencyKey, t.State, t.PlatformPostId, t.LastError)));
        output.WriteLine(counts.ToString());
        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.All(targets, t => Assert.Equal(TargetState.Published, t.State));
    }

    [Fact]
    public async Task AWorkerWhoseClaimWasTakenOver_CannotSendOrSettle()
    {
        var targetId = (await _harness.ComposeAsync("Taken over", ComposeMode.Schedule, DateTime.UtcNow.AddDays(1))).Value.Targets.Single().Id;
        Guid stale = Guid.NewGuid(), current = Guid.NewGuid();
        await using var db = await DbAsync();
        await db.PostTargets.Where(t => t.Id == targetId).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Publishing).SetProperty(t => t.ClaimId, stale));
        var snapshot = await db.PostTargets.AsNoTracking().SingleAsync(t => t.Id == targetId);
        var settler = _harness.App.Get<TargetSettler>();
        var attemptId = (await settler.OpenAttemptAsync(targetId, stale, "test", CancellationToken.None))!.Value;
        await db.PostTargets.Where(t => t.Id == targetId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimId, current)); // the sweep re-claimed it

        Assert.Null(await settler.OpenAttemptAsync(targetId, stale, "test", CancellationToken.None));
        await settler.SettleAsync(snapshot, attemptId, ConnectorResult<PublishedPost>.Fail(FailureKind.Rejected, "Too long."), CancellationToken.None);
        await settler.InternalErrorAsync(targetId, stale, CancellationToken.None);

        var after = await db.PostTargets.AsNoTracking().SingleAsync(t => t.Id == targetId);
        Assert.Equal(TargetState.Publishing, after.State);
        Assert.Equal(current, after.ClaimId);
        Assert.Equal(1, after.AttemptCount);
    }

    private Task<OcmaDbContext> DbAsync() => _harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
}
