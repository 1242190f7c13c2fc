using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Tests.Fakes.Bluesky;

namespace Ocma.Tests.Support;

/// <summary>The app pointed at a fake Bluesky (entryway, PLC directory and PDS in one) and living on its clock; connecting through the console's own service.</summary>
public static class BlueskyChannels
{
    public static Dictionary<string, string?> Settings(BlueskyFake fake) => new()
    {
        ["Connectors:Bluesky:DefaultServiceUrl"] = fake.BaseUrl.ToString(),
        ["Connectors:Bluesky:PlcDirectoryUrl"] = fake.PlcDirectoryUrl.ToString(),
        ["Connectors:Bluesky:AllowHttpServices"] = "true",
        ["Connectors:Bluesky:SafeRetryDelay"] = "00:00:00.010",
        ["Connectors:Bluesky:Timeout"] = "00:00:05",
        ["Publishing:FirstRetryDelay"] = "00:00:01",
    };

    /// <summary>The app on the fake's clock, so tokens expire when the test says.</summary>
    public static OcmaAppFactory App(BlueskyFake fake) =>
        new(settings: Settings(fake), configureServices: s => s.AddSingleton<TimeProvider>(fake.Clock));

    public static async Task<ChannelSummary> ConnectAsync(OcmaAppFactory app, Actor actor, string? server = null, string? appPassword = null)
    {
        var connected = await app.Get<ConnectService>().ConnectWithPasswordAsync(
            "bluesky", 1, BlueskyFake.Team.Handle, appPassword ?? BlueskyFake.Team.AppPassword, server, actor, CancellationToken.None);
        Assert.True(connected.Succeeded, connected.Error);
        return Assert.Single(connected.Value);
    }
}
