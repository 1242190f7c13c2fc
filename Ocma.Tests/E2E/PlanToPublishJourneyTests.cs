using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ocma.Core.Calendar;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>
/// The content team's whole loop in real Chromium: compose for two channels with a variant on one, schedule, drag one
/// channel's post to another day on the calendar, then publish, and read the attempts on the post's timeline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanToPublishJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string BaseText = "Autumn menu launches on the 10th #autumn";
    private const string BetaText = "Hey @beta: the autumn menu is here";
    private readonly OcmaAppFactory _app = new();
    private string _baseUrl = "";
    private ChannelSummary _alpha = default!;
    private ChannelSummary _beta = default!;

    public async Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        var admin = await TestUsers.CreateAdminAsync(_app);
        _alpha = await SandboxChannels.ConnectAsync(_app, admin, "@alpha");
        _beta = await SandboxChannels.ConnectAsync(_app, admin, "@beta");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ComposeWithVariant_Schedule_DragOnCalendar_Publish_TimelineShowsTheAttempts()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);

        // Compose: two channels, @beta with its own words, scheduled for the 10th of next month at 09:30 (brand zone UTC).
        await page.GotoAsync(_baseUrl + "/compose");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = _alpha.Label }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = _beta.Label }).CheckAsync();
        await page.Locator("#post-text").FillAsync(BaseText);
        await page.Locator($"[data-testid=variant-editor][data-channel-id='{_beta.Id}'] .variant-customize").ClickAsync();
        await page.Locator($"#variant-{_beta.Id}").FillAsync(BetaText);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Schedule" }).CheckAsync();
        var today = DateTime.UtcNow.Date;
        var nextMonth = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        var due = nextMonth.AddDays(9).AddHours(9).AddMinutes(30);
        await page.FillAsync("#due", due.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.ClickAsync("#compose-submit");
        await Expect(page.Locator(".compose-saved")).ToContainTextAsync("Scheduled for");
        var postId = await PostIdAsync();

        // Calendar: next month, drag @beta's post from the 10th to the 12th; @alpha's stays.
        await page.GotoAsync(_baseUrl + "/calendar");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        var betaItem = page.Locator($".calendar-item[data-target-id='{await TargetIdAsync(_beta.Id)}']");
        await Expect(betaItem).ToBeVisibleAsync();
        await Browser.DragAsync(page, betaItem, CalendarBrowserTests.DaySlot(page, nextMonth.AddDays(11)));
        await Expect(Browser.Message(page, "Rescheduled")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("plan-to-publish-01-calendar") });

        // The post's page shows each channel's time: @beta two days later, same time of day.
        await page.GotoAsync($"{_baseUrl}/posts/{postId}");
        var alphaCard = page.Locator(".target-card").Filter(new() { HasText = "@alpha" });
        var betaCard = page.Locator(".target-card").Filter(new() { HasText = "@beta" });
        await Expect(betaCard.Locator(".facts dd").First).ToHaveTextAsync(AsShown(due.AddDays(2)));
        await Expect(alphaCard.Locator(".facts dd").First).ToHaveTextAsync(AsShown(due));

        // Publish: open it in the composer and send it now; the timeline fills in live with each channel's attempt.
        await Browser.WaitUntilInteractiveAsync(page);
        await page.Locator(".post-actions .edit-link").ClickAsync();
        await Expect(page.Locator($"#variant-{_beta.Id}")).ToHaveValueAsync(BetaText);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Publish now" }).CheckAsync();
        await page.ClickAsync("#compose-submit");
        await Expect(page.Locator(".compose-saved")).ToContainTextAsync("Publishing to 2 channel(s) now.");
        await page.GotoAsync($"{_baseUrl}/posts/{postId}");
        foreach (var (card, text) in new[] { (alphaCard, BaseText), (betaCard, BetaText) })
        {
            await Expect(card.Locator(".state-badge")).ToHaveTextAsync("Published", new() { Timeout = 30_000 });
            await Expect(card.GetByTestId("target-text")).ToHaveTextAsync(text);
            await Expect(card.Locator(".attempt[data-attempt='1'] .attempt-outcome")).ToHaveTextAsync("Published");
        }

        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("plan-to-publish-02-timeline"), FullPage = true });
    }

    /// <summary>A due time as the post page shows it in the brand's zone (UTC by default).</summary>
    private static string AsShown(DateTime utc) => Ocma.Web.Components.Shared.ZoneTime.Format(utc, "Etc/UTC");

    private async Task<int> PostIdAsync()
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.Posts.Select(p => p.Id).SingleAsync();
    }

    private async Task<int> TargetIdAsync(int channelId)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.Where(t => t.ChannelId == channelId).Select(t => t.Id).SingleAsync();
    }
}
