using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core;

public sealed class ConnectFlowTests : IAsyncLifetime
{
    private static readonly Uri Redirect = new("http://localhost/oauth/sandbox/callback");
    private readonly OcmaAppFactory _app = new();
    private Ocma.Core.Audit.Actor _admin = default!;

    public async Task InitializeAsync() => _admin = await TestUsers.CreateAdminAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Callback_WithTamperedState_IsRefusedAndStoresNothing()
    {
        var (state, code) = await StartAndConsentAsync();

        var result = await Connect.CompleteAsync("sandbox", code, state[..^4] + "AAAA", null, Redirect, _admin, CancellationToken.None);

        Assert.Contains("invalid, expired or was already used", result.Error, StringComparison.Ordinal);
        Assert.Empty(await Channels.ListAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Callback_ReplayedState_IsRefusedTheSecondTime()
    {
        var (state, code) = await StartAndConsentAsync();
        Assert.True((await Connect.CompleteAsync("sandbox", code, state, null, Redirect, _admin, CancellationToken.None)).Succeeded);

        var replay = await Connect.CompleteAsync("sandbox", code, state, null, Redirect, _admin, CancellationToken.None);

        Assert.False(replay.Succeeded);
        Assert.Single(await Channels.ListAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Callback_WhenUserDenied_SaysNothingWasConnected()
    {
        var (state, _) = await StartAndConsentAsync();

        var result = await Connect.CompleteAsync("sandbox", null, state, "access_denied", Redirect, _admin, CancellationToken.None);

        Assert.Contains("did not grant access", result.Error, StringComparison.Ordinal);
        Assert.Empty(await Channels.ListAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task CodeExchange_WithWrongPkceVerifier_IsRefusedByThePlatform()
    {
        var code = await _app.Get<SandboxAuthServer>().IssueCodeAsync("@team", Redirect.ToString(), Pkce.Challenge(Pkce.NewVerifier()), CancellationToken.None);

        var exchange = await _app.Get<SandboxAuthServer>().ExchangeCodeAsync(code, Redirect.ToString(), Pkce.NewVerifier(), CancellationToken.None);

        Assert.Equal("invalid_grant", exchange.Error?.Code);
    }

    [Fact]
    public async Task Start_UnknownPlatform_SaysItCannotConnect()
    {
        var result = await Connect.StartAsync("myspace", 1, _admin, Redirect, "/channels", null, CancellationToken.None);

        Assert.Contains("not a platform this installation can connect", result.Error, StringComparison.Ordinal);
    }

    private ConnectService Connect => _app.Get<ConnectService>();

    private ChannelService Channels => _app.Get<ChannelService>();

    private async Task<(string State, string Code)> StartAndConsentAsync()
    {
        var brand = await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var start = await Connect.StartAsync("sandbox", brand.Id, _admin, Redirect, "/channels", null, CancellationToken.None);
        var query = System.Web.HttpUtility.ParseQueryString(start.Value.OriginalString.Split('?', 2)[1]);
        var code = await _app.Get<SandboxAuthServer>().IssueCodeAsync("@team", query["redirect_uri"]!, query["code_challenge"]!, CancellationToken.None);
        return (query["state"]!, code);
    }
}
