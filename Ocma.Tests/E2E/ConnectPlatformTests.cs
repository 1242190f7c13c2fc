using Microsoft.Playwright;
using Ocma.Core.Channels;
using Ocma.Tests.Fakes.Mastodon;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>Connecting a real platform (Mastodon, on its faithful fake) through the browser, and the refusal page for a bad callback.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectPlatformTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new(settings: MastodonChannels.Settings);
    private MastodonFake _fake = default!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _fake = await MastodonFake.StartAsync();
        _baseUrl = _app.StartOnLoopback();
        await TestUsers.CreateAdminAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ConnectMastodon_ThroughTheBrowser_ShowsTheChannelActive()
    {
        var page = await SignedInPageAsync();
        await page.GotoAsync(_baseUrl + "/channels");
        var option = page.Locator(".connect-option[data-platform=mastodon]");
        await Expect(option).ToBeVisibleAsync();

        await Browser.WaitUntilInteractiveAsync(page);
        await option.Locator("input[name=instance]").FillAsync(_fake.BaseUrl.ToString());
        await option.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/channels\\?connected="), new() { Timeout = 30_000 });
        await Expect(page.Locator(".connected-notice")).ToContainTextAsync("Connected 1 account(s).");
        var card = page.Locator(".channel-card").Filter(new() { HasText = "Mastodon" });
        await Expect(card.Locator(".channel-status")).ToHaveTextAsync("Active");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("connect-mastodon"), FullPage = true });
        Assert.Single(_fake.Journal.Matching("POST", "/api/v1/apps"));
        var channel = Assert.Single(await _app.Get<ChannelService>().ListAsync(1, CancellationToken.None));
        Assert.Equal("mastodon", channel.PlatformKey);
    }

    [Fact]
    public async Task Callback_WithForgedState_ShowsAClearRefusalAndConnectsNothing()
    {
        var page = await SignedInPageAsync();

        var response = await page.GotoAsync(_baseUrl + "/oauth/mastodon/callback?code=stolen&state=forged");

        Assert.Equal(400, response!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("invalid, expired or was already used");
        Assert.Empty(await _app.Get<ChannelService>().ListAsync(1, CancellationToken.None));
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);
        return page;
    }
}
