using Microsoft.Extensions.Time.Testing;
using Ocma.Tests.Fakes.Bluesky;
using Ocma.Tests.Fakes.Facebook;
using Ocma.Tests.Fakes.Instagram;
using Ocma.Tests.Fakes.LinkedIn;
using Ocma.Tests.Fakes.X;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// X, LinkedIn (with the read permission), Facebook, Instagram and Bluesky: one fault of every stage armed in one burst,
/// a kill -9 of the console at a random point of it, then a restart on the same data folder: nothing sent twice, nothing
/// lost, nothing misreported, counted per target from each fake's journal. (Mastodon and the Sandbox run a kill per stage
/// in their own classes; the per-stage behaviour of these five is in their in-process fault matrices.)
/// </summary>
[Trait("Category", "Crash")]
public sealed class PlatformKillMatrixTests(ITestOutputHelper output)
{
    public static TheoryData<string> Platforms => ["x", "linkedin", "facebook", "instagram", "bluesky"];

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task EveryFaultStageAndAKill_NothingSentTwiceNothingLost(string platformKey)
    {
        var (fake, clock, platform) = await StartAsync(platformKey);
        await using (fake)
        {
            using var realTime = new FollowTheRealClock(clock);

            var counts = await KillDuringFaults.RunAsync(platform, Stages(platformKey), faultsEach: 1, targets: 24, output);

            Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
            Assert.Equal(24, counts.Targets);
        }
    }

    private static List<string> Stages(string platformKey) => [.. platformKey switch
    {
        "x" => XFaultMatrixTests.Stages,
        "linkedin" => LinkedInFaultMatrixTests.Stages,
        "facebook" => FacebookFaultMatrixTests.Stages,
        "instagram" => InstagramFaultMatrixTests.Stages,
        _ => BlueskyFaultMatrixTests.Stages,
    }];

    private static async Task<(IAsyncDisposable Fake, FakeTimeProvider Clock, FaultedPlatform Platform)> StartAsync(string platformKey)
    {
        switch (platformKey)
        {
            case "x":
                var x = await XFake.StartAsync();
                return (x, x.Clock, XFaultMatrixTests.Platform(x));
            case "linkedin":
                var linkedIn = await LinkedInFake.StartAsync();
                return (linkedIn, linkedIn.Clock, LinkedInFaultMatrixTests.Platform(linkedIn, LinkedInFaultMatrixTests.PartnerScopes));
            case "instagram":
                var instagram = await InstagramFake.StartAsync();
                return (instagram, instagram.Clock, InstagramFaultMatrixTests.Platform(instagram));
            case "facebook":
                var facebook = await FacebookFake.StartAsync();
                return (facebook, facebook.Clock, FacebookFaultMatrixTests.Platform(facebook));
            default:
                var bluesky = await BlueskyFake.StartAsync();
                return (bluesky, bluesky.Clock, BlueskyFaultMatrixTests.Platform(bluesky));
        }
    }
}
