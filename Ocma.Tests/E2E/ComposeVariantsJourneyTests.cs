using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>A post to two Sandbox channels with its own text on one, scheduled, then seen per channel and reopened to edit, in real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComposeVariantsJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private string _baseUrl = "";
    private ChannelSummary _alpha = default!;
    private ChannelSummary _beta = default!;

    public async Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        Actor admin = await TestUsers.CreateAdminAsync(_app);
        _alpha = await SandboxChannels.ConnectAsync(_app, admin, "@alpha");
        _beta = await SandboxChannels.ConnectAsync(_app, admin, "@beta");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ComposeWithVariant_Schedule_EachChannelShowsItsOwnText()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);
        await page.GotoAsync(_baseUrl + "/compose");
        await Browser.WaitUntilInteractiveAsync(page);

        // Both channels, one base text, and @beta's own words.
        const string baseText = "Spring sale starts Friday #spring https://shop.example/sale";
        const string betaText = "Hey @beta fans: spring sale on Friday!";
        await page.GetByRole(AriaRole.Checkbox, new() { Name = _alpha.Label }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = _beta.Label }).CheckAsync();
        await page.Locator("#post-text").FillAsync(baseText);
        await page.Locator("#post-notes").FillAsync("Prices checked with **legal**");
        var beta = page.Locator($"[data-testid=variant-editor][data-channel-id='{_beta.Id}']");
        await beta.Locator(".variant-customize").ClickAsync();
        var betaEditor = page.Locator($"#variant-{_beta.Id}");
        await Expect(betaEditor).ToHaveValueAsync(baseText);
        await betaEditor.FillAsync(betaText);
        await Expect(beta.GetByTestId("char-counter")).ToHaveTextAsync($"{betaText.Length} / 500");
        await Expect(beta.Locator(".preview-mention")).ToHaveTextAsync("@beta");
        var alpha = page.Locator($"[data-testid=variant-editor][data-channel-id='{_alpha.Id}']");
        await Expect(alpha.Locator(".preview-text")).ToHaveTextAsync(baseText);
        await Expect(alpha.Locator(".preview-tag")).ToHaveTextAsync("#spring");
        await Expect(page.GetByTestId("autosave-note")).ToHaveTextAsync(new Regex(@"^Draft saved \d\d:\d\d:\d\d$"));
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("compose-variants-01-composer") });

        // Schedule for tomorrow morning (the brand's zone is UTC).
        await page.GetByRole(AriaRole.Radio, new() { Name = "Schedule" }).CheckAsync();
        var due = DateTime.UtcNow.Date.AddDays(1).AddHours(9).AddMinutes(30);
        await page.FillAsync("#due", due.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.ClickAsync("#compose-submit");
        await Expect(page.Locator(".compose-saved")).ToContainTextAsync("Scheduled for");

        // The autosaved draft became the scheduled post: one post, two channels, each with its own text.
        await page.Locator(".compose-saved").GetByRole(AriaRole.Link, new() { Name = "Open the post" }).ClickAsync();
        await Expect(page.Locator(".target-card")).ToHaveCountAsync(2);
        await Expect(page.Locator(".target-card").Filter(new() { HasText = "@alpha" }).GetByTestId("target-text")).ToHaveTextAsync(baseText);
        await Expect(page.Locator(".target-card").Filter(new() { HasText = "@beta" }).GetByTestId("target-text")).ToHaveTextAsync(betaText);
        await Expect(page.GetByTestId("post-notes").Locator("strong")).ToHaveTextAsync("legal");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("compose-variants-02-post"), FullPage = true });
        await using (var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal(1, await db.Posts.CountAsync());
        }

        // Edit opens the same post with @beta's own text in its editor.
        await page.Locator(".post-actions .edit-link").ClickAsync();
        await Expect(page.Locator("#post-text")).ToHaveValueAsync(baseText);
        await Expect(page.Locator($"#variant-{_beta.Id}")).ToHaveValueAsync(betaText);
        await Expect(page.GetByTestId("editing-note")).ToContainTextAsync("Editing post");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("compose-variants-03-edit") });

        // Duplicate opens a new draft with the same texts and channels.
        await page.GetByTestId("editing-note").Locator(".duplicate-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compose (copy)" })).ToBeVisibleAsync();
        await Expect(page.Locator("#post-text")).ToHaveValueAsync(baseText);
        await Expect(page.Locator($"#variant-{_beta.Id}")).ToHaveValueAsync(betaText);
        await Expect(page.Locator("#post-notes")).ToHaveValueAsync("Prices checked with **legal**");
        await Expect(page.GetByTestId("editing-note")).ToHaveCountAsync(0);
    }
}
