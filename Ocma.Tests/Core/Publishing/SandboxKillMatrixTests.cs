using Ocma.Core.Sandbox;
using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Core.Publishing;

/// <summary>Every Sandbox fault stage × a kill -9 of the console at a random point of the burst, in its no-idempotency mode (a resend is a second post).</summary>
[Trait("Category", "Crash")]
public sealed class SandboxKillMatrixTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Sandbox:HonourIdempotencyKey"] = "false",
        ["Sandbox:AnswerDelay"] = "00:00:00.030", // the window a kill must hit: stored, not yet answered
        ["Sandbox:RateLimitWait"] = "00:00:01",
        ["Publishing:MaxRetryDelay"] = "00:00:01",
    };

    [Theory]
    [InlineData(SandboxFailureMode.Unavailable)]
    [InlineData(SandboxFailureMode.StoredThenError)]
    [InlineData(SandboxFailureMode.ConnectionDropped)]
    [InlineData(SandboxFailureMode.StoredThenTimeout)]
    [InlineData(SandboxFailureMode.RateLimited)]
    public async Task FaultStageAndKill_EveryTargetPublishedExactlyOnce(SandboxFailureMode stage)
    {
        var platform = new FaultedPlatform(
            Settings,
            (app, admin) => SandboxChannels.ConnectAsync(app, admin),
            (app, _, count) => app.Get<SandboxPlatform>().SetSwitchAsync(stage, count, CancellationToken.None),
            async dataDirectory => await DataFolderDb.RowsAsync(dataDirectory, "SELECT IdempotencyKey, CAST(Id AS TEXT) FROM SandboxPosts", r => new StoredPost(r.GetString(0), r.GetString(1))));

        var counts = await KillDuringFaults.RunAsync(platform, stage.ToString(), targets: 40, output);

        Assert.True(counts.Clean, string.Join("\n", counts.Problems.Prepend(counts.ToString())));
        Assert.Equal(40, counts.Targets);
    }
}
