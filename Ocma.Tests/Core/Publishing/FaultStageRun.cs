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

    /// <summary>Throws <see cref="TimeoutException"/> naming every unsettled target's state and reason when they do not settle in time.</summary>
    public static async Task<(DeliveryCounts Counts, List<PostTarget> Targets, int FoundByLookup)> RunAsync(FaultedPlatform platform, string stage, ITestOutputHelper output, TimeSpan? settleWithin = null, string subject = "Matrix")
    {
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?>(platform.Settings)
        {
            ["Publishing:FirstRetryDelay"] = "00:00:00.200",
            ["Publishing:LookAgainAfter"] = "00:00:01",
        });
        var publicUrl = platform.PostsNeedAnImage ? app.StartOnLoopback() : null; // before the app is first used
        var admin = await TestUsers.CreateAdminAsync(app);
        int[] mediaIds = publicUrl is null ? [] : [await PublicImageAsync(app, admin, publicUrl)];
        var channel = await platform.ConnectAsync(app, admin);
        await platform.ArmAsync(app, stage, 1);

        var texts = new Dictionary<int, string>();
        for (var i = 0; i < Posts; i++)
        {
            var text = $"{subject} {stage} post {i}";
            var post = await app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [channel.Id], ComposeMode.PublishNow, null, MediaIds: mediaIds), admin, CancellationToken.None);
            Assert.True(post.Succeeded, post.Error);
            texts[post.Value.Targets.Single().Id] = text;
        }

        var ids = texts.Keys.ToList();

        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var targets = await SettledAsync(db, ids, settleWithin ?? TimeSpan.FromSeconds(30), stage);
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

    /// <summary>Serves the app on loopback with its public media links on, and uploads one image every post carries.</summary>
    private static Task<int> PublicImageAsync(OcmaAppFactory app, Ocma.Core.Audit.Actor admin, string publicUrl)
    {
        app.Get<Microsoft.Extensions.Configuration.IConfiguration>()["PublicBaseUrl"] = publicUrl;
        return UploadImageAsync(app, admin);
    }

    /// <summary>One photo in the media library, for platforms that only take posts with an image.</summary>
    public static async Task<int> UploadImageAsync(OcmaAppFactory app, Ocma.Core.Audit.Actor admin)
    {
        using var image = new MemoryStream(TestImages.Jpeg(1080, 1080));
        var asset = await app.Get<Ocma.Core.Media.MediaUploadService>().UploadAsync(new Ocma.Core.Media.MediaUpload(1, "photo.jpg", null, image), admin, CancellationToken.None);
        Assert.True(asset.Succeeded, asset.Error);
        return asset.Value.Id;
    }

    private static async Task<List<PostTarget>> SettledAsync(OcmaDbContext db, List<int> ids, TimeSpan within, string stage)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var targets = await db.PostTargets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync();
            if (targets.All(t => TargetTransitions.IsSettled(t.State)))
            {
                return targets;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not settled {within.TotalSeconds:0} s after {stage}: " +
                    string.Join("; ", targets.Where(t => !TargetTransitions.IsSettled(t.State)).Select(t => $"{t.State} due {t.DueUtc:O}, next attempt {t.NextAttemptUtc:O}, {t.AttemptCount} attempts: {t.LastError}")));
            }

            await Task.Delay(100);
        }
    }
}
