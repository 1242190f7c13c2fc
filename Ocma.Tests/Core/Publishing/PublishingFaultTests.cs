using Microsoft.EntityFrameworkCore;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>The invariants under a struggling platform: every target settles truthfully, nothing is posted twice.</summary>
public sealed class PublishingFaultTests(ITestOutputHelper output)
{
    private const int Targets = 200;

    [Fact]
    public async Task Publish_WithThirtyPercentFaults_EveryTargetSettlesTruthfullyAndNothingIsPostedTwice()
    {
        await using var fake = await MastodonFake.StartAsync();
        fake.RateLimit = 1_000_000;
        fake.Clock.SetUtcNow(DateTimeOffset.UtcNow); // stamped on the clock the app runs on
        var settings = new Dictionary<string, string?>(MastodonChannels.Settings)
        {
            ["Publishing:FirstRetryDelay"] = "00:00:00.200",
            ["Publishing:MaxRetryDelay"] = "00:00:02",
            ["Publishing:MaxAttempts"] = "8",
            ["Publishing:Workers"] = "8",
        };
        await using var app = new OcmaAppFactory(settings: settings);
        var admin = await TestUsers.CreateAdminAsync(app);
        var channel = await MastodonChannels.ConnectAsync(app, admin, fake);
        fake.Chaos = new MastodonChaos(rate: 0.3, seed: 20261123, stall: TimeSpan.FromSeconds(3));

        var compose = app.Get<ComposeService>();
        for (var i = 0; i < Targets; i++)
        {
            var post = await compose.SubmitAsync(new ComposeRequest(1, $"Fault run post #{i:000}", [channel.Id], ComposeMode.PublishNow, null), admin, CancellationToken.None);
            Assert.True(post.Succeeded, post.Error);
        }

        await using var db = await app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        var targets = await Eventually.MatchesAsync(
            () => db.PostTargets.AsNoTracking().Include(t => t.Post).ToListAsync(),
            all => all.All(t => TargetTransitions.IsSettled(t.State)),
            TimeSpan.FromSeconds(120), "every target to settle");

        var statuses = fake.Statuses;
        output.WriteLine($"faults injected: {fake.Chaos.Injected}; states: {string.Join(", ", targets.GroupBy(t => t.State).Select(g => $"{g.Key}={g.Count()}"))}; statuses on the server: {statuses.Count}");
        Assert.True(fake.Chaos.Injected >= Targets / 5, $"expected a real share of faults, injected {fake.Chaos.Injected}");
        var counts = DeliveryAudit.Count(
            statuses.Select(s => new StoredPost(s.Text, s.Id)),
            targets.Select(t => new ReportedTarget(t.Post!.Text, t.State, t.PlatformPostId, t.LastError)));
        output.WriteLine(counts.ToString());
        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.Equal(Targets, counts.Targets);
    }
}
