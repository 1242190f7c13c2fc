using Ocma.Core.Posts;
using Ocma.Tests.Fakes.LinkedIn;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Every fault stage against the LinkedIn fake, which takes no idempotency key: with the read permission (an approved
/// partner app) a lost answer is settled by a look-up; without it — LinkedIn's default for member posting — Ocma says it
/// cannot check and a person decides. Never a second post.
/// </summary>
public sealed class LinkedInFaultMatrixTests(ITestOutputHelper output)
{
    private const string Posts = "/rest/posts";
    internal const string PartnerScopes = "openid profile email w_member_social r_member_social";

    public static TheoryData<string> Stages => ["before-store-503", "stored-then-500", "stored-then-502", "stored-then-reset", "stored-then-timeout"];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task FaultStage_WithReadPermission_EachTargetPublishedOnce_OrHeldForAPerson(string stage)
    {
        await using var fake = await LinkedInFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);

        var (counts, targets, found) = await FaultStageRun.RunAsync(Platform(fake, PartnerScopes), stage, output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.Equal(stage.StartsWith("stored-", StringComparison.Ordinal) ? 1 : 0, found);
        var held = targets.Where(t => t.State != TargetState.Published).ToList();
        Assert.Equal(stage == "before-store-503" ? 1 : 0, held.Count);
        Assert.All(held, t => Assert.Contains("may have been published", t.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LostAnswer_WithoutReadPermission_IsHeldForAPerson_SayingOcmaCannotCheck()
    {
        await using var fake = await LinkedInFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);

        var (counts, targets, _) = await FaultStageRun.RunAsync(Platform(fake, "openid profile email w_member_social"), "stored-then-reset", output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        var held = Assert.Single(targets, t => t.State == TargetState.NeedsAttention);
        Assert.StartsWith("Ocma cannot check whether this post went out: the LinkedIn connection lacks the r_member_social read permission", held.LastError, StringComparison.Ordinal);
        Assert.EndsWith("Check the channel, then Mark as published or Retry these.", held.LastError, StringComparison.Ordinal);
        Assert.Equal(FaultStageRun.Posts, fake.Posts.Count);
    }

    [Fact]
    public async Task DailyLimit429_WaitsForMidnightUtc_WithTheReason_NothingSentTwice()
    {
        await using var fake = await LinkedInFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);
        var platform = Platform(fake, PartnerScopes);

        var run = await Assert.ThrowsAsync<TimeoutException>(() => FaultStageRun.RunAsync(platform, "429-daily", output, settleWithin: TimeSpan.FromSeconds(3)));

        Assert.Contains("resets at midnight UTC", run.Message, StringComparison.Ordinal);
        Assert.Contains($"next attempt {DateTime.UtcNow.Date.AddDays(1):yyyy-MM-dd}T00:00:00", run.Message, StringComparison.Ordinal);
        Assert.InRange(fake.Posts.Count, 0, FaultStageRun.Posts - 1); // the refused post was not stored, and nothing waits for a resend
        Assert.Equal(fake.Posts.Count, fake.Posts.Select(p => p.RenderedText).Distinct().Count());
    }

    internal static FaultedPlatform Platform(LinkedInFake fake, string scopes) => new(
        LinkedInChannels.Settings(fake, scopes),
        (app, admin) => LinkedInChannels.ConnectAsync(app, admin, fake),
        FaultedPlatform.EachTime(stage => Arm(fake, stage)),
        _ => Task.FromResult<IReadOnlyList<StoredPost>>([.. fake.Posts.Select(p => new StoredPost(p.RenderedText, p.Urn))]),
        KeyedByText: true);

    private static void Arm(LinkedInFake fake, string stage)
    {
        object Envelope(int status, string message) => new { status, serviceErrorCode = 0, message };
        switch (stage)
        {
            case "before-store-503":
                fake.Faults.Next("POST", Posts, c => FaultAnswers.Json(c, 503, Envelope(503, "Service Unavailable")));
                break;
            case "stored-then-500":
                fake.Faults.NextAfterStore("POST", Posts, c => FaultAnswers.Json(c, 500, Envelope(500, "Internal Server Error")));
                break;
            case "stored-then-502":
                fake.Faults.NextAfterStore("POST", Posts, c => FaultAnswers.Json(c, 502, Envelope(502, "Bad Gateway")));
                break;
            case "stored-then-reset":
                fake.Faults.NextAfterStore("POST", Posts, FaultAnswers.Reset);
                break;
            case "stored-then-timeout":
                fake.Faults.NextAfterStore("POST", Posts, FaultAnswers.Silence);
                break;
            default: // LinkedIn's daily quota: 429 with no header saying when; it resets at midnight UTC
                fake.Faults.Next("POST", Posts, c => FaultAnswers.Json(c, 429, Envelope(429, "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.")));
                break;
        }
    }
}
