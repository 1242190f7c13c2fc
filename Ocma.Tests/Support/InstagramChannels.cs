using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Tests.Connectors;
using Ocma.Tests.Fakes.Instagram;

namespace Ocma.Tests.Support;

/// <summary>Turns Instagram on against the fake and connects a channel through the console's real connect flow (consent, code exchange).</summary>
public static class InstagramChannels
{
    public static readonly Uri RedirectUri = new("http://localhost/oauth/instagram/callback");

    public static IReadOnlyDictionary<string, string?> Settings(InstagramFake fake) => new Dictionary<string, string?>
    {
        ["Connectors:Instagram:Enabled"] = "true",
        ["Connectors:Instagram:ClientId"] = InstagramFake.AppId,
        ["Connectors:Instagram:ClientSecret"] = InstagramFake.AppSecret,
        ["Connectors:Instagram:AuthorizeUrl"] = new Uri(fake.BaseUrl, "oauth/authorize").ToString(),
        ["Connectors:Instagram:TokenUrl"] = new Uri(fake.BaseUrl, "oauth/access_token").ToString(),
        ["Connectors:Instagram:GraphBaseUrl"] = fake.BaseUrl.ToString(),
        ["Connectors:Instagram:ContainerPollInterval"] = "00:00:00.010",
        ["Connectors:Instagram:SafeRetryDelay"] = "00:00:00.010",
    };

    public static async Task<ChannelSummary> ConnectAsync(OcmaAppFactory app, Actor actor, InstagramFake fake)
    {
        fake.RedirectUri = RedirectUri.ToString();
        var connect = app.Get<ConnectService>();
        var start = await connect.StartAsync("instagram", 1, actor, RedirectUri, "/channels", null, CancellationToken.None);
        Assert.True(start.Succeeded, start.Error);
        var consent = await ConnectorHarness.ConsentAsync(start.Value);
        var done = await connect.CompleteAsync("instagram", consent.Code, consent.State, consent.Error, RedirectUri, actor, CancellationToken.None);
        Assert.True(done.Succeeded, done.Error);
        return done.Value.Channels.Single();
    }
}
