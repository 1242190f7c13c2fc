using System.Globalization;
using Ocma.Core.Posts;
using Ocma.Tests.Fakes.Bluesky;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>
/// Every fault stage against the Bluesky fake (XRPC error bodies; a record key Ocma chooses, so a resend under the same key
/// fails the way the reference PDS does, with a bare 500): a lost answer is settled by reading the record back, and since
/// a missing record is proof, a send that never arrived goes again at once.
/// </summary>
public sealed class BlueskyFaultMatrixTests(ITestOutputHelper output)
{
    private const string CreateRecord = "/xrpc/com.atproto.repo.createRecord";

    public static TheoryData<string> Stages => ["before-store-503", "stored-then-500", "stored-then-502", "stored-then-reset", "stored-then-timeout", "429-with-reset"];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task FaultStage_EveryTargetPublishedExactlyOnce(string stage)
    {
        await using var fake = await BlueskyFake.StartAsync();
        using var realTime = new FollowTheRealClock(fake.Clock);

        var (counts, targets, found) = await FaultStageRun.RunAsync(Platform(fake), stage, output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.All(targets, t => Assert.Equal(TargetState.Published, t.State));
        // The fault really hit after the store: the stored record was read back — by the connector itself after a 5xx
        // (it asks for its own record key before reporting), by the look-up after a lost answer.
        var readBack = fake.Journal.Count("GET", "/xrpc/com.atproto.repo.getRecord");
        Assert.True(!stage.StartsWith("stored-", StringComparison.Ordinal) || readBack >= 1, $"{stage}: the record was never read back");
        output.WriteLine($"records read back {readBack}, found by the settler's look-up {found}");
    }

    internal static FaultedPlatform Platform(BlueskyFake fake) => new(
        new Dictionary<string, string?>(BlueskyChannels.Settings(fake)) { ["Connectors:Bluesky:Timeout"] = "00:00:02" },
        (app, admin) => BlueskyChannels.ConnectAsync(app, admin),
        FaultedPlatform.EachTime(stage => Arm(fake, stage)),
        _ => Task.FromResult<IReadOnlyList<StoredPost>>([.. fake.Records.Select(r => new StoredPost((string)r.Value["text"]!, r.Uri))]),
        KeyedByText: true);

    private static void Arm(BlueskyFake fake, string stage)
    {
        object Xrpc(string error, string message) => new { error, message };
        switch (stage)
        {
            case "before-store-503":
                fake.Faults.Next("POST", CreateRecord, c => FaultAnswers.Json(c, 503, Xrpc("ServiceUnavailable", "Service Unavailable")));
                break;
            case "stored-then-500":
                fake.Faults.NextAfterStore("POST", CreateRecord, c => FaultAnswers.Json(c, 500, Xrpc("InternalServerError", "Internal Server Error")));
                break;
            case "stored-then-502":
                fake.Faults.NextAfterStore("POST", CreateRecord, c => FaultAnswers.Json(c, 502, Xrpc("UpstreamFailure", "Bad Gateway")));
                break;
            case "stored-then-reset":
                fake.Faults.NextAfterStore("POST", CreateRecord, FaultAnswers.Reset);
                break;
            case "stored-then-timeout":
                fake.Faults.NextAfterStore("POST", CreateRecord, FaultAnswers.Silence);
                break;
            default:
                fake.Faults.Next("POST", CreateRecord, c =>
                {
                    c.Response.Headers["ratelimit-remaining"] = "0";
                    c.Response.Headers["ratelimit-reset"] = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    return FaultAnswers.Json(c, 429, Xrpc("RateLimitExceeded", "Rate Limit Exceeded"));
                });
                break;
        }
    }
}
