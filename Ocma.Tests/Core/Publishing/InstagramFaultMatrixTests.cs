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
    public static TheoryData<string> Stages => ["before-store-code-2", "stored-then-500", "stored-then-502", "stored-then-reset", "stored-then-timeout", "throttled-code-32"];

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
        (_, stage, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                Arm(fake, stage);
            }

            return Task.CompletedTask;
        },
        _ => Task.FromResult<IReadOnlyList<StoredPost>>([.. fake.Media.Select(m => new StoredPost(m.Caption, m.Id))]),
        KeyedByText: true,
        PostsNeedAnImage: true);

    private static void Arm(InstagramFake fake, string stage)
    {
        var feed = $"/{fake.Version}/{InstagramFake.UserId}/media_publish";
        object Graph(int code, string message) => new { error = new { message, type = "OAuthException", code, fbtrace_id = "AbCdEf123" } };
        switch (stage)
        {
            case "before-store-code-2":
                fake.Faults.Next("POST", feed, c => FaultAnswers.Json(c, 500, Graph(2, "An unexpected error has occurred. Please retry your request later.")));
                break;
            case "stored-then-500":
                fake.Faults.NextAfterStore("POST", feed, c => FaultAnswers.Json(c, 500, Graph(1, "An unknown error occurred")));
                break;
            case "stored-then-502":
                fake.Faults.NextAfterStore("POST", feed, c => FaultAnswers.Json(c, 502, new { }));
                break;
            case "stored-then-reset":
                fake.Faults.NextAfterStore("POST", feed, FaultAnswers.Reset);
                break;
            case "stored-then-timeout":
                fake.Faults.NextAfterStore("POST", feed, FaultAnswers.Silence);
                break;
            default:
                fake.Faults.Next("POST", feed, c =>
                {
                    c.Response.Headers["X-Business-Use-Case-Usage"] = $$"""{"{{InstagramFake.UserId}}":[{"type":"pages","call_count":100,"total_cputime":20,"total_time":25,"estimated_time_to_regain_access":0}]}""";
                    return FaultAnswers.Json(c, 400, Graph(32, "(#32) Page request limit reached"));
                });
                break;
        }
    }
}
