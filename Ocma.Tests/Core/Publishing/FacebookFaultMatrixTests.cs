using Ocma.Core.Posts;
using Ocma.Tests.Fakes.Facebook;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Every fault stage against the Facebook fake (no idempotency key; errors in the Graph envelope, throttling as codes on
/// HTTP 400, never 429): a lost answer is settled by reading the Page's posts, and a miss is not proof — a person decides.
/// </summary>
public sealed class FacebookFaultMatrixTests(ITestOutputHelper output)
{
    public static TheoryData<string> Stages => GraphFaults.Stages;

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task FaultStage_EachTargetPublishedOnce_OrHeldForAPerson(string stage)
    {
        await using var fake = await FacebookFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);

        var (counts, targets, found) = await FaultStageRun.RunAsync(Platform(fake), stage, output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.Equal(stage.StartsWith("stored-", StringComparison.Ordinal) ? 1 : 0, found);
        // Code 2 is no clear refusal, and the Page's feed not showing the post is no proof: after a second look a person decides.
        var held = targets.Where(t => t.State != TargetState.Published).ToList();
        Assert.Equal(stage == "before-store-code-2" ? 1 : 0, held.Count);
        Assert.All(held, t => Assert.StartsWith("The post may have been published: the platform did not confirm it (Facebook had a passing problem.)", t.LastError, StringComparison.Ordinal));
    }

    internal static FaultedPlatform Platform(FacebookFake fake) => new(
        FacebookChannels.Settings(fake),
        (app, admin) => FacebookChannels.ConnectAsync(app, admin, fake),
        FaultedPlatform.EachTime(stage => Arm(fake, stage)),
        _ => Task.FromResult<IReadOnlyList<StoredPost>>([.. fake.Posts.Select(p => new StoredPost(p.Message, p.Id))]),
        KeyedByText: true);

    private static void Arm(FacebookFake fake, string stage) =>
        GraphFaults.Arm(fake.Faults, $"/{fake.Version}/{FacebookFake.PageId}/feed", FacebookFake.PageId, stage);
}
