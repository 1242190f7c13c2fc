using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Tests.Connectors;

namespace Ocma.Tests.Support;

/// <summary>Connects a channel through the console's real OAuth connect flow: start, consent on the fake, code exchange.</summary>
public static class OAuthChannels
{
    public static async Task<ChannelSummary> ConnectAsync(OcmaAppFactory app, Actor actor, string platformKey, Uri redirectUri)
    {
        var connect = app.Get<ConnectService>();
        var start = await connect.StartAsync(platformKey, 1, actor, redirectUri, "/channels", null, CancellationToken.None);
        Assert.True(start.Succeeded, start.Error);
        var consent = await ConnectorHarness.ConsentAsync(start.Value);
        var done = await connect.CompleteAsync(platformKey, consent.Code, consent.State, consent.Error, redirectUri, actor, CancellationToken.None);
        Assert.True(done.Succeeded, done.Error);
        return done.Value.Channels[0];
    }
}
