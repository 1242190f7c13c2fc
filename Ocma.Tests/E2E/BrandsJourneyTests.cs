using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>
/// An Admin adds a second brand in another zone, switches to it in the top bar, connects a channel and schedules a post
/// there, switches back, and the first brand's calendar does not show it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrandsJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private string _baseUrl = "";
    private int _homePostId;

    public async Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        var admin = await TestUsers.CreateAdminAsync(_app);
        var home = await SandboxChannels.ConnectAsync(_app, admin, "@home");
        var due = ZoneClock.ToWallClock(_app.Get<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(2), BrandService.DefaultTimeZone);
        var posted = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest((await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None)).Id, "Home brand post", [home.Id], ComposeMode.Schedule, due), admin, CancellationToken.None);
        Assert.True(posted.Succeeded, posted.Error);
        _homePostId = posted.Value.Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SecondBrand_CreateSwitchConnectCompose_StaysOutOfTheFirstBrandsCalendar()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);
        await Expect(page.GetByTestId("current-brand")).ToHaveTextAsync(BrandService.DefaultName);

        // Add the brand, in Tokyo time.
        await page.GotoAsync(_baseUrl + "/admin/brands");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.Locator("#new-brand-name").FillAsync("Harbour Café");
        await page.Locator("#new-brand-zone").FillAsync("Tokyo");
        await page.GetByRole(AriaRole.Option, new() { Name = "Asia/Tokyo", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add brand" }).ClickAsync();
        await Expect(Browser.Message(page, "Added 'Harbour Café' (Asia/Tokyo)")).ToBeVisibleAsync();
        await Shot(page, "01-brand-added");

        // Switch to it in the top bar: the page reloads in the new brand, and its calendar is empty, in Tokyo time.
        await SwitchToAsync(page, "Harbour Café", "01b-switcher-open");
        await page.GotoAsync(_baseUrl + "/calendar");
        await Expect(page.Locator(".page-subtitle")).ToContainTextAsync("Harbour Café: scheduled and published posts, shown in Asia/Tokyo");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator(".post-calendar")).ToBeVisibleAsync();
        await Expect(page.Locator(".calendar-item")).ToHaveCountAsync(0);
        await Shot(page, "02-empty-calendar-in-tokyo");

        // Connect a Sandbox channel there and schedule a post (the composer's default time is an hour ahead, in Tokyo).
        await page.GotoAsync(_baseUrl + "/channels");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect Sandbox (practice)" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sandbox/authorize"));
        await page.FillAsync("#handle", "@harbour");
        await page.ClickAsync("button[value=allow]");
        await Expect(page.Locator(".connected-notice")).ToContainTextAsync("Connected 1 account(s).");
        await Expect(page.Locator(".channel-card")).ToHaveCountAsync(1);
        await Expect(page.Locator(".channel-card")).ToContainTextAsync("@harbour");
        await Shot(page, "03-channel-in-second-brand");

        var text = "Harbour opening " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync(_baseUrl + "/compose");
        await Expect(page.Locator("#post-text")).ToBeVisibleAsync();
        await Browser.WaitUntilInteractiveAsync(page);
        await page.Locator("#post-text").FillAsync(text);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Schedule" }).CheckAsync();
        await page.ClickAsync("#compose-submit");
        await Expect(page.Locator(".compose-saved")).ToContainTextAsync("Scheduled for");
        await Shot(page, "04-composed-in-second-brand");
        var harbourPost = await PostIdAsync(text);

        // Back in the first brand, its calendar has its own post and not the new brand's.
        await SwitchToAsync(page, BrandService.DefaultName);
        await page.GotoAsync(_baseUrl + "/calendar");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator($".calendar-item[data-post-id='{_homePostId}']")).ToBeVisibleAsync();
        await Expect(page.Locator($".calendar-item[data-post-id='{harbourPost}']")).ToHaveCountAsync(0);
        await Expect(page.Locator(".page-subtitle")).ToContainTextAsync($"{BrandService.DefaultName}: scheduled and published posts, shown in Etc/UTC");
        await Shot(page, "05-first-brand-calendar");

        // On a phone the switcher is an icon with the brand as its label, and its menu stays on screen.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        var summary = page.GetByTestId("brand-switcher").Locator("summary");
        await Expect(summary).ToHaveAttributeAsync("aria-label", $"Brand: {BrandService.DefaultName}. Switch brand");
        await summary.ClickAsync();
        var offScreen = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.app-bar summary, .app-bar button, .app-bar a')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < 0).map(e => e.textContent.trim() || e.title)");
        Assert.Empty(offScreen);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("brands-06-phone-switcher") });
    }

    private static async Task SwitchToAsync(IPage page, string brand, string? screenshot = null)
    {
        await page.GetByTestId("brand-switcher").Locator("summary").ClickAsync();
        await Expect(page.Locator(".brand-switcher-option", new() { HasText = brand })).ToBeVisibleAsync();
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("brands-" + screenshot) });
        }

        await page.Locator(".brand-switcher-option", new() { HasText = brand }).ClickAsync();
        await Expect(page.GetByTestId("current-brand")).ToHaveTextAsync(brand);
    }

    private async Task<int> PostIdAsync(string text)
    {
        var brand = (await _app.Get<BrandService>().ListAsync(CancellationToken.None)).Single(b => b.Name == "Harbour Café");
        return (await _app.Get<PostQueries>().AllAsync(brand.Id, CancellationToken.None)).Single(t => t.Text == text).PostId;
    }

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("brands-" + name), FullPage = true });
}
