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
}
