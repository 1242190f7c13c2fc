using Ocma.Core.Channels;
using Ocma.Tests.Connectors;
using Ocma.Tests.Fakes.LinkedIn;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core;

/// <summary>A grant that offers several accounts (LinkedIn member and organization): the person picks which become channels.</summary>
public sealed class AccountPickerTests : IAsyncLifetime
{
    private static readonly Uri Redirect = ConnectorHarness.RedirectUri; // the redirect registered on the fake LinkedIn app
    private LinkedInFake _fake = default!;
    private OcmaAppFactory _app = default!;
    private Ocma.Core.Audit.Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _fake = await LinkedInFake.StartAsync();
        _app = new OcmaAppFactory(settings: new Dictionary<string, string?>
        {
            ["Connectors:LinkedIn:AuthBaseUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:LinkedIn:ApiBaseUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:LinkedIn:Scopes"] = "openid profile email w_member_social w_organization_social rw_organization_admin",
            ["Connectors:LinkedIn:ClientId"] = LinkedInFake.ClientId,
            ["Connectors:LinkedIn:ClientSecret"] = LinkedInFake.ClientSecret,
        });
        _admin = await TestUsers.CreateAdminAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Connect_GrantWithSeveralAccounts_WaitsForAPick_ThenConnectsOnlyThePicked()
    {
        var outcome = await ConnectAsync();
        Assert.NotNull(outcome.PendingId);
        Assert.Empty(await _app.Get<ChannelService>().ListAsync(1, CancellationToken.None));

        var picked = await _app.Get<ConnectService>().ConnectPickedAsync(outcome.PendingId!, [LinkedInFake.OrganizationUrn], _admin, CancellationToken.None);

        Assert.True(picked.Succeeded, picked.Error);
        var channel = Assert.Single(await _app.Get<ChannelService>().ListAsync(1, CancellationToken.None));
        Assert.Equal("linkedin", channel.PlatformKey);
        var again = await _app.Get<ConnectService>().ConnectPickedAsync(outcome.PendingId!, [LinkedInFake.OrganizationUrn], _admin, CancellationToken.None);
        Assert.Contains("expired", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectPicked_BySomeoneElse_IsRefused()
    {
        var outcome = await ConnectAsync();
        var editor = await TestUsers.CreateAsync(_app, _admin, "editor@example.com", Ocma.Core.Identity.Roles.Editor);

        var result = await _app.Get<ConnectService>().ConnectPickedAsync(outcome.PendingId!, [LinkedInFake.OrganizationUrn], editor, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(await _app.Get<ChannelService>().ListAsync(1, CancellationToken.None));
    }

    private async Task<ConnectOutcome> ConnectAsync()
    {
        var connect = _app.Get<ConnectService>();
        var start = await connect.StartAsync("linkedin", 1, _admin, Redirect, "/channels", null, CancellationToken.None);
        Assert.True(start.Succeeded, start.Error);
        var consent = await ConnectorHarness.ConsentAsync(start.Value);
        var done = await connect.CompleteAsync("linkedin", consent.Code, consent.State, consent.Error, Redirect, _admin, CancellationToken.None);
        Assert.True(done.Succeeded, done.Error);
        return done.Value;
    }
}
