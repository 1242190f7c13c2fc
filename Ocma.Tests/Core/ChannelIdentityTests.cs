using Ocma.Core.Channels;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core;

public sealed class ChannelIdentityTests
{
    [Fact]
    public async Task ConnectMastodon_SameAccountIdOnTwoServers_MakesTwoChannels()
    {
        await using var first = await MastodonFake.StartAsync();
        await using var second = await MastodonFake.StartAsync();
        await using var app = new OcmaAppFactory(settings: MastodonChannels.Settings);
        var admin = await TestUsers.CreateAdminAsync(app);

        var a = await MastodonChannels.ConnectAsync(app, admin, first);
        var b = await MastodonChannels.ConnectAsync(app, admin, second);

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(2, (await app.Get<ChannelService>().ListAsync(1, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task StartMastodon_TwiceAtOnce_RegistersOneAppAndBothRoundTripsUseIt()
    {
        await using var server = await MastodonFake.StartAsync();
        await using var app = new OcmaAppFactory(settings: MastodonChannels.Settings);
        var admin = await TestUsers.CreateAdminAsync(app);
        var connect = app.Get<ConnectService>();
        var redirect = new Uri("http://localhost/oauth/mastodon/callback");

        var starts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            connect.StartAsync("mastodon", 1, admin, redirect, "/channels", server.BaseUrl.ToString(), CancellationToken.None)));

        Assert.All(starts, s => Assert.True(s.Succeeded, s.Error));
        Assert.Single(server.Journal.Matching("POST", "/api/v1/apps"));
        foreach (var start in starts)
        {
            var consent = await Ocma.Tests.Connectors.ConnectorHarness.ConsentAsync(start.Value);
            var done = await connect.CompleteAsync("mastodon", consent.Code, consent.State, consent.Error, redirect, admin, CancellationToken.None);
            Assert.True(done.Succeeded, done.Error);
        }
    }
}
