using Ocma.Core.Posts;
using Ocma.Tests.Fakes.Instagram;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Every fault stage against the Instagram fake on the second step, <c>media_publish</c> (a fresh container per attempt, so
/// a resend would be a second post; errors in the Graph envelope): a lost answer is settled by reading the account's media,
/// and a miss is not proof — a person decides.
/// </summary>
public sealed class InstagramFaultMatrixTests(ITestOutputHelper output)
{
    public static TheoryData<string> Stages => GraphFaults.Stages;

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task FaultStage_EachTargetPublishedOnce_OrHeldForAPerson(string stage)
    {
        await using var fake = await InstagramFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);

        var (counts, targets, found) = await FaultStageRun.RunAsync(Platform(fake), stage, output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.Equal(stage.StartsWith("stored-", StringComparison.Ordinal) ? 1 : 0, found);
        // Code 2 is no clear refusal, and the account's media not showing the post is no proof: after a second look a person decides.
        var held = targets.Where(t => t.State != TargetState.Published).ToList();
        Assert.Equal(stage == "before-store-code-2" ? 1 : 0, held.Count);
        Assert.All(held, t => Assert.StartsWith("The post may have been published: the platform did not confirm it (Instagram had a passing problem.)", t.LastError, StringComparison.Ordinal));
    }

    internal static FaultedPlatform Platform(InstagramFake fake) => new(
        InstagramChannels.Settings(fake),
        (app, admin) => InstagramChannels.ConnectAsync(app, admin, fake),
        FaultedPlatform.EachTime(stage => Arm(fake, stage)),
        _ => Task.FromResult<IReadOnlyList<StoredPost>>([.. fake.Media.Select(m => new StoredPost(m.Caption, m.Id))]),
        KeyedByText: true,
        PostsNeedAnImage: true);

    private static void Arm(InstagramFake fake, string stage) =>
        GraphFaults.Arm(fake.Faults, $"/{fake.Version}/{InstagramFake.UserId}/media_publish", InstagramFake.UserId, stage);
}
