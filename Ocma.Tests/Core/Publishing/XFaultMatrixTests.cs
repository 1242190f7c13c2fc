using System.Globalization;
using Ocma.Core.Posts;
using Ocma.Tests.Fakes.X;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Every fault stage against the X fake, which takes no idempotency key (a resend is a second post): only a look-up of the
/// timeline (Basic tier, HTML-escaped text) may settle a lost answer, and a miss is not proof — a person is asked.
/// </summary>
public sealed class XFaultMatrixTests(ITestOutputHelper output)
{
    private const string Tweets = "/2/tweets";

    public static TheoryData<string> Stages => ["before-store-503", "stored-then-500", "stored-then-502", "stored-then-reset", "stored-then-timeout", "429-with-reset"];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task FaultStage_EachTargetPublishedOnce_OrHeldForAPerson(string stage)
    {
        await using var fake = await XFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);

        var (counts, targets, found) = await FaultStageRun.RunAsync(Platform(fake), stage, output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.Equal(stage.StartsWith("stored-", StringComparison.Ordinal) ? 1 : 0, found);
        // A 503 is no clear refusal, and X's timeline not showing the post is no proof: after a second look a person decides.
        var held = targets.Where(t => t.State != TargetState.Published).ToList();
        Assert.Equal(stage == "before-store-503" ? 1 : 0, held.Count);
        Assert.All(held, t => Assert.Equal(TargetState.NeedsAttention, t.State));
        Assert.All(held, t => Assert.StartsWith("The post may have been published: the platform did not confirm it (X is unavailable", t.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FreeTier_LostAnswer_IsHeldForAPerson_SayingOcmaCannotCheck_NeverResent()
    {
        await using var fake = await XFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);
        fake.AccessTier = XAccessTier.Free;

        var (counts, targets, _) = await FaultStageRun.RunAsync(Platform(fake), "stored-then-reset", output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        var held = Assert.Single(targets, t => t.State == TargetState.NeedsAttention);
        Assert.StartsWith("Ocma cannot check whether this post went out: X lets an app read an account's posts only on its Basic access tier or higher", held.LastError, StringComparison.Ordinal);
        Assert.EndsWith("Check the channel, then Mark as published or Retry these.", held.LastError, StringComparison.Ordinal);
        Assert.Equal(FaultStageRun.Posts, fake.Tweets.Count);
        Assert.Equal(1, fake.Journal.Count("GET", $"/2/users/{XFake.UserId}/tweets")); // refused once, not asked again and again
    }

    [Fact]
    public async Task WithoutTheReadScope_LostAnswer_IsHeldForAPerson_SayingOcmaCannotCheck_NeverResent()
    {
        await using var fake = await XFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);
        var postingOnly = Platform(fake) with { Settings = XChannels.Settings(fake, "tweet.write users.read media.write offline.access") };

        var (counts, targets, _) = await FaultStageRun.RunAsync(postingOnly, "stored-then-500", output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        var held = Assert.Single(targets, t => t.State == TargetState.NeedsAttention);
        Assert.StartsWith("Ocma cannot check whether this post went out: X would not show the account's posts: reading them needs the tweet.read", held.LastError, StringComparison.Ordinal);
        Assert.Equal(FaultStageRun.Posts, fake.Tweets.Count);
    }

    [Fact]
    public async Task TextWithAmpersandAndAngleBrackets_LostAnswer_IsFoundThoughXEscapesIt_PublishedOnce()
    {
        await using var fake = await XFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);

        var (counts, targets, found) = await FaultStageRun.RunAsync(Platform(fake), "stored-then-reset", output, subject: "Q&A <live> at 5 > 4 &");

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.Equal(1, found);
        Assert.All(targets, t => Assert.Equal(TargetState.Published, t.State));
        Assert.Equal(FaultStageRun.Posts, fake.Tweets.Count);
    }

    internal static FaultedPlatform Platform(XFake fake) => new(
        XChannels.Settings(fake),
        (app, admin) => XChannels.ConnectAsync(app, admin),
        FaultedPlatform.EachTime(stage => Arm(fake, stage)),
        _ => Task.FromResult<IReadOnlyList<StoredPost>>([.. fake.Tweets.Select(t => new StoredPost(t.Text, t.Id))]),
        KeyedByText: true);

    private static void Arm(XFake fake, string stage)
    {
        object Problem(int status, string title) => new { title, detail = title, type = "about:blank", status };
        switch (stage)
        {
            case "before-store-503":
                fake.Faults.Next("POST", Tweets, c => FaultAnswers.Json(c, 503, Problem(503, "Service Unavailable")));
                break;
            case "stored-then-500":
                fake.Faults.NextAfterStore("POST", Tweets, c => FaultAnswers.Json(c, 500, Problem(500, "Internal Server Error")));
                break;
            case "stored-then-502":
                fake.Faults.NextAfterStore("POST", Tweets, c => FaultAnswers.Json(c, 502, Problem(502, "Bad Gateway")));
                break;
            case "stored-then-reset":
                fake.Faults.NextAfterStore("POST", Tweets, FaultAnswers.Reset);
                break;
            case "stored-then-timeout":
                fake.Faults.NextAfterStore("POST", Tweets, FaultAnswers.Silence);
                break;
            default:
                fake.Faults.Next("POST", Tweets, c =>
                {
                    c.Response.Headers["x-rate-limit-remaining"] = "0";
                    c.Response.Headers["x-rate-limit-reset"] = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    return FaultAnswers.Json(c, 429, Problem(429, "Too Many Requests"));
                });
                break;
        }
    }
}
