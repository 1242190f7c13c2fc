using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Every fault stage against the Mastodon fake with its idempotency turned off (every POST is a new status, so only a
/// look-up that really finds the stored post prevents a duplicate), its clock set to the app's: before the status is
/// stored, stored then 500 or 502, stored then a reset, stored then silence past the client's timeout, and a 429 with a reset.
/// </summary>
public sealed class MastodonFaultMatrixTests(ITestOutputHelper output)
{
    private const string Statuses = "/api/v1/statuses";

    public static TheoryData<string> Stages => ["before-store-503", "stored-then-500", "stored-then-502", "stored-then-reset", "stored-then-timeout", "429-with-reset"];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task FaultStage_EveryTargetPublishedExactlyOnce(string stage)
    {
        await using var fake = await MastodonFake.StartAsync();
        fake.RateLimit = 1_000_000;
        fake.HonourIdempotencyKey = false;
        fake.Clock.SetUtcNow(DateTimeOffset.UtcNow); // the fake stamps statuses on the clock the app runs on
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?>(MastodonChannels.Settings) { ["Publishing:FirstRetryDelay"] = "00:00:00.200" });
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await MastodonChannels.ConnectAsync(app, admin, fake);
        Arm(fake, stage);

        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var post = await app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, $"Matrix {stage} #{i}", [channel.Id], ComposeMode.PublishNow, null), admin, CancellationToken.None);
            ids.Add(post.Value.Targets.Single().Id);
        }

        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var targets = await Eventually.MatchesAsync(
            () => db.PostTargets.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(),
            all => all.All(t => TargetTransitions.IsSettled(t.State)), TimeSpan.FromSeconds(30), $"every target to settle after {stage}");
        var counts = DeliveryAudit.Count(fake.Statuses.Select(s => new StoredPost(s.IdempotencyKey!, s.Id)),
            targets.Select(t => new ReportedTarget(t.IdempotencyKey, t.State, t.PlatformPostId, t.LastError)));
        output.WriteLine($"{stage}: {counts}; POSTs received: {fake.Journal.Count("POST", Statuses)}");
        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.All(targets, t => Assert.Equal(TargetState.Published, t.State));
        if (stage.StartsWith("stored-", StringComparison.Ordinal))
        {
            // The fault really hit after the store: one target was found by its look-up, not by an answer.
            Assert.Equal(1, await db.PublishAttempts.CountAsync(a => ids.Contains(a.TargetId) && a.Outcome == Ocma.Core.Publishing.AttemptOutcome.FoundOnPlatform));
        }
    }

    internal static void Arm(MastodonFake fake, string stage)
    {
        switch (stage)
        {
            case "before-store-503":
                fake.Faults.Next("POST", Statuses, context => Answer(context, 503, "Service Unavailable"));
                break;
            case "stored-then-500":
                fake.Faults.NextAfterStore("POST", Statuses, context => Answer(context, 500, "Internal Server Error"));
                break;
            case "stored-then-502":
                fake.Faults.NextAfterStore("POST", Statuses, context => Answer(context, 502, "Bad Gateway"));
                break;
            case "stored-then-reset":
                fake.Faults.NextAfterStore("POST", Statuses, context => { context.Abort(); return Task.CompletedTask; });
                break;
            case "stored-then-timeout":
                fake.Faults.NextAfterStore("POST", Statuses, context => Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default));
                break;
            default:
                fake.Faults.Next("POST", Statuses, context =>
                {
                    context.Response.Headers["X-RateLimit-Remaining"] = "0";
                    context.Response.Headers["X-RateLimit-Reset"] = DateTime.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                    return Answer(context, 429, "Too many requests");
                });
                break;
        }
    }

    private static Task Answer(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error });
    }
}
