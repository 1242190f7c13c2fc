using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Drafting;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>An Admin drafts a post with the built-in drafter, schedules it, and then looks at the brand voice and AI usage, in real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DraftingJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private string _baseUrl = "";
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        _admin = await TestUsers.CreateAdminAsync(_app);
        await SandboxChannels.ConnectAsync(_app, _admin, "@drafts");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DraftFromBrief_WithTheBuiltInDrafter_ScheduledAndListedInActivity()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);

        // The panel says plainly that no model is involved.
        await page.GotoAsync(_baseUrl + "/compose");
        await Expect(page.GetByTestId("draft-provider")).ToHaveTextAsync("Built-in drafter (no AI)");

        await Browser.WaitUntilInteractiveAsync(page);
        await page.Locator("#draft-brief").FillAsync("Spring plant sale: 20% off all houseplants this weekend at our Leeds shop");
        await page.Locator("#draft-from-brief").ClickAsync();
        await Expect(page.GetByTestId("draft-meta")).ToContainTextAsync("Built-in drafter (no AI)");
        await Expect(page.GetByTestId("draft-meta")).ToContainTextAsync("0 tokens in / 0 out");
        await page.Locator("#draft-assistant").ScreenshotAsync(new() { Path = Browser.ScreenshotPath("drafting-01-compose-assistant-panel") });

        // Hashtag suggestions: a click appends one to the post text.
        await page.ClickAsync("#draft-hashtags");
        var tag = page.GetByTestId("draft-hashtags").Locator("button").First;
        await Expect(tag).ToBeVisibleAsync();
        var tagText = (await tag.InnerTextAsync()).Trim();
        await tag.ClickAsync();
        await Expect(page.Locator("#post-text")).ToHaveValueAsync(new Regex(Regex.Escape(tagText) + "$", RegexOptions.IgnoreCase));

        // A/B alternatives: three to choose from; the second goes into the post text.
        await page.ClickAsync("#draft-alternatives");
        var alternatives = page.GetByTestId("draft-alternative");
        await Expect(alternatives).ToHaveCountAsync(3);
        var chosen = (await alternatives.Nth(1).Locator(".draft-text").InnerTextAsync()).Trim();
        await alternatives.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Use this" }).ClickAsync();
        await Expect(page.Locator("#post-text")).ToHaveValueAsync(chosen);

        // The variant for the selected Sandbox channel, with its count against the limit.
        await page.ClickAsync("#draft-variants");
        var variant = page.GetByTestId("draft-variant");
        await Expect(variant).ToHaveCountAsync(1);
        await Expect(variant.Locator(".char-counter")).ToHaveTextAsync(new Regex(@"^\d+ / 500$"));
        await page.Locator("#draft-assistant").ScreenshotAsync(new() { Path = Browser.ScreenshotPath("drafting-01-compose-variants-panel") });
        await variant.GetByRole(AriaRole.Button, new() { Name = "Use for all" }).ClickAsync();

        var text = await page.Locator("#post-text").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(text), "the draft did not reach the post text");
        await Expect(page.GetByTestId("char-counter")).ToHaveTextAsync(new Regex(@"^\d+ / 500$"));
        await Shot(page, "01-compose-assistant");

        // Schedule it an hour ahead (the form's default time) on the Sandbox channel.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Schedule" }).CheckAsync();
        await Expect(page.Locator("#due")).ToBeVisibleAsync();
        await page.ClickAsync("#compose-submit");
        await Expect(page.Locator(".compose-saved")).ToContainTextAsync("Scheduled for");

        await page.GetByRole(AriaRole.Link, new() { Name = "See it in Activity" }).ClickAsync();
        var row = page.Locator(".activity-grid tr").Filter(new() { HasText = FirstWords(text) });
        await Expect(row.Locator(".state-badge")).ToHaveTextAsync("Scheduled");
        await Shot(page, "02-activity-scheduled");

        // The brand voice editor and the usage page, which counts the built-in call at no cost.
        await page.GotoAsync(_baseUrl + "/admin/brands");
        var editor = page.Locator(".voice-editor").First;
        await Expect(editor).ToContainTextAsync("Brand voice and AI budget");
        var save = editor.GetByRole(AriaRole.Button, new() { Name = "Save voice" });
        await Browser.WaitUntilInteractiveAsync(page);
        await editor.Locator("textarea").First.FillAsync("Warm, plain English, no jargon.");
        await editor.Locator("textarea").Nth(2).FillAsync("#ad");
        await save.ClickAsync();
        var brand = await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        await Eventually.MatchesAsync(
            () => _app.Get<BrandVoiceService>().GetAsync(brand.Id, CancellationToken.None),
            voice => voice.Description == "Warm, plain English, no jargon." && voice.RequiredDisclosures.SequenceEqual(["#ad"]),
            TimeSpan.FromSeconds(10),
            "the voice description saved from the editor");
        await Expect(Browser.Message(page, "Voice saved.")).ToBeVisibleAsync();
        await editor.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("drafting-03-brand-voice-editor") });
        await Shot(page, "03-brand-voice");
        // The composer now warns, before scheduling, that the post lacks the brand's disclosure.
        await page.GotoAsync(_baseUrl + "/compose");
        var postText = page.Locator("#post-text");
        var warnings = page.GetByTestId("voice-warnings");
        await Browser.WaitUntilInteractiveAsync(page);
        await postText.FillAsync("Our plants are back in stock");

        await Expect(warnings).ToContainTextAsync("Add \"#ad\": the brand requires it in every post.");
        await Shot(page, "03-compose-voice-warning");

        await page.GotoAsync(_baseUrl + "/admin/ai-usage");
        await Expect(page.GetByTestId("usage-totals")).ToContainTextAsync("Calls");
        await Expect(page.Locator(".usage-table").First).ToContainTextAsync(TestUsers.AdminEmail);
        await Expect(page.Locator(".usage-chart svg").First).ToBeVisibleAsync();
        await Task.Delay(500); // the chart draws after it measures itself
        await Shot(page, "04-ai-usage");
    }

    private static string FirstWords(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(3));

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("drafting-" + name), FullPage = true });
}
