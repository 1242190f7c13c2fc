using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Connectors;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Publishing;

/// <summary>Puts targets into the dead-letter states through the real pipeline, and reads them back as a person sees them.</summary>
internal static class DeadLetterArrange
{
    /// <summary>Publishes <paramref name="text"/> with the Sandbox failing the way <paramref name="mode"/> says; returns the settled target.</summary>
    public static async Task<TargetView> FailedAsync(this PublishingHarness harness, string text, SandboxFailureMode mode)
    {
        await harness.FailNextAsync(mode);
        var post = await harness.ComposeAsync(text);
        Assert.True(post.Succeeded, post.Error);
        return await harness.WaitForTargetAsync(post.Value.Id, s => s is TargetState.Failed or TargetState.NeedsAttention or TargetState.Published);
    }

    /// <summary>
    /// A send whose answer was lost, on a platform that cannot tell (its lookup is refused): the settler's no-answer path. The target is
    /// scheduled for tomorrow, claimed the way the dispatcher claims, then reconciled with a failed lookup.
    /// </summary>
    public static async Task<int> OutcomeUnknownAsync(this PublishingHarness harness, string text)
    {
        var post = await harness.ComposeAsync(text, ComposeMode.Schedule, DateTime.UtcNow.AddDays(1));
        Assert.True(post.Succeeded, post.Error);
        var targetId = (await harness.TargetOfAsync(post.Value.Id)).TargetId;
        var claimId = Guid.NewGuid();
        await using (var db = await harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            var claimed = await db.PostTargets.Where(t => t.Id == targetId && t.State == TargetState.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Publishing).SetProperty(t => t.ClaimId, claimId));
            Assert.Equal(1, claimed);
        }

        var settler = harness.App.Get<TargetSettler>();
        var attemptId = (await settler.OpenAttemptAsync(targetId, claimId, "test", CancellationToken.None))!.Value;
        await using (var db = await harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            var snapshot = await db.PostTargets.AsNoTracking().SingleAsync(t => t.Id == targetId);
            await settler.ReconcileAsync(snapshot, attemptId, new ConnectorFailure(FailureKind.OutcomeUnknown, "The answer never came."),
                ConnectorResult<PublishedPost?>.Fail(FailureKind.Misconfigured, "The platform does not let this app look posts up."), missIsProof: false, CancellationToken.None);
        }

        Assert.Equal(TargetState.NeedsAttention, (await harness.App.Get<PostQueries>().FindAsync(targetId, CancellationToken.None))!.State);
        return targetId;
    }

    public static async Task<IReadOnlyList<DeadLetterGroup>> DeadLettersAsync(this PublishingHarness harness)
    {
        var brand = await harness.App.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        return await harness.App.Get<DeadLetterService>().ListAsync(brand.Id, CancellationToken.None);
    }

    public static async Task<SeenTarget> SeenAsync(this PublishingHarness harness, int targetId) =>
        (await harness.DeadLettersAsync()).SelectMany(g => g.Targets).Single(t => t.TargetId == targetId).Seen;

    public static async Task<PostTarget> StoredAsync(this PublishingHarness harness, int targetId)
    {
        await using var db = await harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.AsNoTracking().SingleAsync(t => t.Id == targetId);
    }

    public static async Task<int> AuditCountAsync(this PublishingHarness harness, string action, int targetId)
    {
        await using var db = await harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var subjects = await db.AuditEvents.Where(e => e.Action == action).Select(e => e.Subject).ToListAsync();
        return subjects.Count(s => s.EndsWith($" target {targetId}", StringComparison.Ordinal));
    }

    public static Task<Actor> PersonAsync(this PublishingHarness harness, string role) =>
        TestUsers.CreateAsync(harness.App, harness.Admin, role.ToLowerInvariant() + "@example.com", role);
}
