using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Tests.Connectors;
using Ocma.Tests.Fakes.Mastodon;

namespace Ocma.Tests.Support;

/// <summary>Connects a Mastodon channel on the fake server through the console's real connect flow (app registration, consent, code exchange).</summary>
public static class MastodonChannels
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Connectors:Mastodon:AllowHttpInstances"] = "true",
        ["Connectors:Mastodon:Timeout"] = "00:00:02",
        ["Connectors:Mastodon:SafeRetryDelay"] = "00:00:00.010",
        ["Connectors:Mastodon:MediaPollInterval"] = "00:00:00.010",
    };

    public static async Task<ChannelSummary> ConnectAsync(OcmaAppFactory app, Actor actor, MastodonFake fake)
    {
        var redirect = new Uri("http://localhost/oauth/mastodon/callback");
        var connect = app.Get<ConnectService>();
        var start = await connect.StartAsync("mastodon", 1, actor, redirect, "/channels", fake.BaseUrl.ToString(), CancellationToken.None);
        Assert.True(start.Succeeded, start.Error);
        var consent = await ConnectorHarness.ConsentAsync(start.Value);
        var done = await connect.CompleteAsync("mastodon", consent.Code, consent.State, consent.Error, redirect, actor, CancellationToken.None);
        Assert.True(done.Succeeded, done.Error);
        return done.Value.Channels.Single();
    }
}
