using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Brands;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Publishing;

/// <summary>Politeness before a send, against the Mastodon fake over HTTP: rate-limit pauses per channel and concurrency caps.</summary>
public sealed class SendGateTests
{
    private const string CreateStatus = "/api/v1/statuses";

    [Fact]
    public async Task Publish_AfterRateLimitOnChannel_HoldsItsNextPostUntilResetWhileAnotherChannelPublishes()
    {
        await using var fake = await MastodonFake.StartAsync();
        fake.RateLimit = 1_000_000;
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?>(MastodonChannels.Settings) { ["Publishing:FirstRetryDelay"] = "00:00:00.200" });
        var admin = await TestUsers.CreateAdminAsync(app);
        var mastodon = await MastodonChannels.ConnectAsync(app, admin, fake);
        var sandbox = await SandboxChannels.ConnectAsync(app, admin);
        var reset = TimeProvider.System.GetUtcNow().AddSeconds(3);
        fake.Faults.Next("POST", CreateStatus, c =>
        {
            c.Response.Headers["X-RateLimit-Reset"] = reset.ToString("o", CultureInfo.InvariantCulture);
            return Results.Json(new { error = "Too many requests" }, statusCode: 429).ExecuteAsync(c);
        });

        var first = await ComposeAsync(app, admin, "Limited first", mastodon.Id);
        await WaitAsync(app, first, s => s == TargetState.Retrying);
        var second = await ComposeAsync(app, admin, "Limited second", mastodon.Id);
        var held = await WaitAsync(app, second, s => s == TargetState.Retrying);
        var other = await ComposeAsync(app, admin, "Other channel", sandbox.Id);
        await WaitAsync(app, other, s => s == TargetState.Published);

        Assert.StartsWith("Waiting for Mastodon's rate limit to reset at", held.LastError, StringComparison.Ordinal);
        Assert.Equal(0, held.AttemptCount);
        Assert.InRange(held.NextAttemptUtc!.Value, reset.UtcDateTime.AddSeconds(-1), reset.UtcDateTime.AddSeconds(1));
        Assert.Equal(1, fake.Journal.Count("POST", CreateStatus)); // only the refused one so far

        await WaitAsync(app, first, s => s == TargetState.Published);
        await WaitAsync(app, second, s => s == TargetState.Published);
        var creates = fake.Journal.Matching("POST", CreateStatus).OrderBy(e => e.ReceivedAt).ToList();
        Assert.Equal(3, creates.Count);
        Assert.All(creates.Skip(1), e => Assert.True(e.ReceivedAt >= reset.AddMilliseconds(-100), $"a create arrived at {e.ReceivedAt:O}, before the reset at {reset:O}"));
    }

    [Fact]
    public async Task Publish_WhenTheRateLimitOutlastsTheMaximumAge_FailsWithTheCauseInsteadOfWaiting()
    {
        await using var fake = await MastodonFake.StartAsync();
        fake.RateLimit = 1_000_000;
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?>(MastodonChannels.Settings) { ["Publishing:MaxAge"] = "00:30:00" });
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await MastodonChannels.ConnectAsync(app, admin, fake);
        var reset = TimeProvider.System.GetUtcNow().AddHours(1);
        fake.Faults.Next("POST", CreateStatus, c =>
        {
            c.Response.Headers["X-RateLimit-Reset"] = reset.ToString("o", CultureInfo.InvariantCulture);
            return Results.Json(new { error = "Too many requests" }, statusCode: 429).ExecuteAsync(c);
        });

        var refused = await ComposeAsync(app, admin, "Refused for an hour", channel.Id);
        await WaitAsync(app, refused, s => s == TargetState.Failed);
        var next = await ComposeAsync(app, admin, "Would wait an hour", channel.Id);
        var failed = await WaitAsync(app, next, s => s == TargetState.Failed);

        Assert.StartsWith("Still not published 0.5 hours after its time. Waiting for Mastodon's rate limit to reset", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(0, failed.AttemptCount); // never sent: the pause was known
        Assert.Equal(1, fake.Journal.Count("POST", CreateStatus));
    }

    [Fact]
    public async Task Publish_WhenHeadersSayTheBudgetIsSpent_HoldsTheRestUntilResetWithoutEverBeingRefused()
    {
        await using var fake = await MastodonFake.StartAsync();
        await using var app = new OcmaAppFactory(settings: MastodonChannels.Settings);
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await MastodonChannels.ConnectAsync(app, admin, fake);
        // From here the fake's clock is the real one, with three requests allowed in a short window.
        var start = TimeProvider.System.GetUtcNow();
        fake.Clock.SetUtcNow(start);
        fake.RateWindow = TimeSpan.FromSeconds(4);
        fake.RateLimit = 3;

        // The first answer tells Ocma the budget (two left); then three posts come due at once.
        var posts = new List<int> { await ComposeAsync(app, admin, "Budgeted post 0", channel.Id) };
        await WaitAsync(app, posts[0], s => s == TargetState.Published);
        for (var i = 1; i < 4; i++)
        {
            posts.Add(await ComposeAsync(app, admin, $"Budgeted post {i}", channel.Id));
        }

        var states = await Eventually.MatchesAsync(
            () => TargetsAsync(app, posts),
            ts => ts.Count(t => t.State == TargetState.Published) == 3 && ts.Count(t => t.State == TargetState.Retrying) == 1,
            TimeSpan.FromSeconds(20), "three posts to publish and one to wait for the reset");
        Assert.All(states.Where(t => t.State == TargetState.Retrying), held =>
        {
            Assert.StartsWith("Mastodon allows no more posts from this account until", held.LastError, StringComparison.Ordinal);
            Assert.Equal(0, held.AttemptCount);
            Assert.InRange(held.NextAttemptUtc!.Value, start.UtcDateTime.AddSeconds(3), start.UtcDateTime.AddSeconds(5));
        });
        Assert.Equal(3, fake.Journal.Count("POST", CreateStatus)); // the platform never had to refuse one

        fake.Clock.SetUtcNow(start + fake.RateWindow); // the platform's window resets
        await Eventually.MatchesAsync(() => TargetsAsync(app, posts), ts => ts.All(t => t.State == TargetState.Published), TimeSpan.FromSeconds(20), "the held posts to publish after the reset");
        var creates = fake.Journal.Matching("POST", CreateStatus).OrderBy(e => e.ReceivedAt).ToList();
        Assert.Equal(4, creates.Count);
        var reset = start + TimeSpan.FromSeconds(4);
        Assert.All(creates.Skip(3), e => Assert.True(e.ReceivedAt >= reset.AddMilliseconds(-100), $"a held post went out at {e.ReceivedAt:O}, before the reset at {reset:O}"));
    }

    [Fact]
    public async Task Publish_ManyPostsToOneChannelWithCapTwo_PlatformNeverSeesMoreThanTwoCreatesAtOnce()
    {
        const int Posts = 6;
        var latency = TimeSpan.FromMilliseconds(300);
        await using var fake = await MastodonFake.StartAsync();
        fake.RateLimit = 1_000_000;
        fake.StatusLatency = latency;
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?>(MastodonChannels.Settings) { ["Publishing:MaxConcurrentPerChannel"] = "2" });
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await MastodonChannels.ConnectAsync(app, admin, fake);

        var posts = new List<int>();
        for (var i = 0; i < Posts; i++)
        {
            posts.Add(await ComposeAsync(app, admin, $"Capped post {i}", channel.Id));
        }

        // A generous bound: this test is about the cap, and a loaded 2-core CI machine can be slow to get six out.
        foreach (var post in posts)
        {
            await WaitAsync(app, post, s => s == TargetState.Published, TimeSpan.FromSeconds(60));
        }

        // Each create is answered only after the latency, so a third create may arrive only once the first of two has been answered.
        var arrivals = fake.Journal.Matching("POST", CreateStatus).Select(e => e.ReceivedAt).Order().ToList();
        Assert.Equal(Posts, arrivals.Count);
        for (var i = 2; i < arrivals.Count; i++)
        {
            var gap = arrivals[i] - arrivals[i - 2];
            Assert.True(gap >= latency - TimeSpan.FromMilliseconds(50), $"creates {i - 2} and {i} arrived {gap.TotalMilliseconds:0} ms apart: three were in flight at once");
        }
    }

    private static async Task<int> ComposeAsync(OcmaAppFactory app, Ocma.Core.Audit.Actor admin, string text, int channelId)
    {
        var brand = await app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var post = await app.Get<ComposeService>().SubmitAsync(new ComposeRequest(brand.Id, text, [channelId], ComposeMode.PublishNow, null), admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return post.Value.Id;
    }

    private static async Task<List<PostTarget>> TargetsAsync(OcmaAppFactory app, IReadOnlyList<int> postIds)
    {
        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.AsNoTracking().Where(t => postIds.Contains(t.PostId)).ToListAsync();
    }

    private static Task<PostTarget> WaitAsync(OcmaAppFactory app, int postId, Func<TargetState, bool> state, TimeSpan? within = null) =>
        Eventually.MatchesAsync(
            async () =>
            {
                await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
                return await db.PostTargets.AsNoTracking().SingleAsync(t => t.PostId == postId);
            },
            t => state(t.State), within ?? TimeSpan.FromSeconds(20), $"post {postId} to reach the expected state");
}
