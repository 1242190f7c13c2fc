using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// One cell of a platform's fault matrix, in-process: one fault of the stage armed, three posts published at once, and
/// the per-target figures counted from the fake's journal once every target has settled.
/// </summary>
internal static class FaultStageRun
{
    public const int Posts = 3;

    public static async Task<(DeliveryCounts Counts, List<PostTarget> Targets, int FoundByLookup)> RunAsync(FaultedPlatform platform, string stage, ITestOutputHelper output)
    {
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?>(platform.Settings)
        {
            ["Publishing:FirstRetryDelay"] = "00:00:00.200",
            ["Publishing:LookAgainAfter"] = "00:00:01",
        });
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await platform.ConnectAsync(app, admin);
        await platform.ArmAsync(app, stage, 1);

        var texts = new Dictionary<int, string>();
        for (var i = 0; i < Posts; i++)
        {
            var text = $"Matrix {stage} post {i}";
            var post = await app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [channel.Id], ComposeMode.PublishNow, null), admin, CancellationToken.None);
            Assert.True(post.Succeeded, post.Error);
            texts[post.Value.Targets.Single().Id] = text;
        }

        var ids = texts.Keys.ToList();

        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var targets = await Eventually.MatchesAsync(
            () => db.PostTargets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(),
            all => all.All(t => TargetTransitions.IsSettled(t.State)), TimeSpan.FromSeconds(30), $"every target to settle after {stage}");
        var counts = DeliveryAudit.Count(await platform.StoredAsync(app.DataDirectory),
            targets.Select(t => new ReportedTarget(platform.KeyedByText ? texts[t.Id] : t.IdempotencyKey, t.State, t.PlatformPostId, t.LastError)));
        var found = await db.PublishAttempts.CountAsync(a => ids.Contains(a.TargetId) && a.Outcome == AttemptOutcome.FoundOnPlatform);
        output.WriteLine($"{stage}: {counts}; states {string.Join(", ", targets.Select(t => t.State))}; found by look-up {found}");
        foreach (var held in targets.Where(t => t.State != TargetState.Published))
        {
            output.WriteLine($"  {held.State}: {held.LastError}");
        }

        return (counts, targets, found);
    }
}
