using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Components.Shared;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>The calendar in real Chromium: drag a scheduled post to another day and its page shows the new due time; a published one refuses to move.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Zone = "Europe/Berlin";
    private readonly OcmaAppFactory _app = new();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Calendar_DragScheduledPostToAnotherDay_PostPageShowsTheNewDueTime()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        Assert.True((await _app.Get<BrandService>().UpdateAsync(1, "Berlin team", Zone, admin, CancellationToken.None)).Succeeded);
        var channel = await SandboxChannels.ConnectAsync(_app, admin);
        var today = ZoneClock.ToWallClock(_app.Get<TimeProvider>().GetUtcNow().UtcDateTime, Zone);
        var nextMonth = new DateTime(today.Year, today.Month, 1).AddMonths(1);
        var moving = await ScheduleAsync(admin, channel.Id, nextMonth.AddDays(9).AddHours(10), "Moves two days later");
        var published = await ScheduleAsync(admin, channel.Id, nextMonth.AddDays(14).AddHours(11), "Already out");
        await MarkPublishedAsync(published);
        var evening = await ScheduleAsync(admin, channel.Id, nextMonth.AddDays(2).AddHours(18), "Evening post for the weekend");
        Assert.True((await _app.Get<PostingSlotService>().AddAsync(channel.Id, SlotDays.Weekdays, new TimeOnly(9, 0), admin, CancellationToken.None)).Succeeded);

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            TimezoneId = "America/New_York",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await Browser.SignInAsync(page, _baseUrl);
        await page.GotoAsync(_baseUrl + "/calendar");
        var item = page.Locator($".calendar-item[data-post-id='{moving.PostId}']");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(item).ToBeVisibleAsync();

        // Hovering shows the time in the brand's zone and in the viewer's own.
        await Expect(item).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"10:00 \(Europe/Berlin\) · .* your time \(America/New_York\)"));

        await Browser.DragAsync(page, item, DaySlot(page, nextMonth.AddDays(11)));

        var expectedUtc = ZoneClock.ToUtc(nextMonth.AddDays(11).AddHours(10), Zone).Value;
        await Expect(Browser.Message(page, "Rescheduled")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var newLocal = nextMonth.AddDays(11).AddHours(10).ToString("ddd d MMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(item).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape($"{newLocal} (Europe/Berlin)")));
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("calendar-month") });

        // A published post can't be dragged: it stays where it was and the reason is shown.
        var publishedItem = page.Locator($".calendar-item[data-post-id='{published.PostId}']");
        var titleBefore = await publishedItem.GetAttributeAsync("title");
        await Browser.DragAsync(page, publishedItem, DaySlot(page, nextMonth.AddDays(16)));
        var refusal = Browser.Message(page, "Not moved");
        await Expect(refusal).ToContainTextAsync("Only drafts and scheduled posts can be rescheduled.");
        await Expect(publishedItem).ToHaveAttributeAsync("title", titleBefore!);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("calendar-refused-move") });
        Assert.Equal(ZoneClock.ToUtc(nextMonth.AddDays(14).AddHours(11), Zone).Value, await DueAsync(published.TargetId));

        // Without a mouse: the evening post's "Move to…" button, a new day and time typed in, Enter.
        await page.Locator($".calendar-item[data-post-id='{evening.PostId}'] .calendar-move").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#move-day").FillAsync(nextMonth.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await dialog.Locator("#move-time").FillAsync("20:15");
        await dialog.Locator("#move-confirm").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Browser.Message(page, "Rescheduled: now due")).ToContainTextAsync("20:15");
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(ZoneClock.ToUtc(nextMonth.AddDays(3).AddHours(20).AddMinutes(15), Zone).Value, await DueAsync(evening.TargetId));

        await page.GetByRole(AriaRole.Button, new() { Name = "List", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("calendar-title")).ToContainTextAsync(" – ");
        await Expect(page.Locator(".post-calendar")).ToContainTextAsync("Moves two days later");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("calendar-list") });

        // The week view shades the channel's posting times (weekdays 09:00), with the channel named on hover.
        await page.GetByRole(AriaRole.Button, new() { Name = "Week", Exact = true }).ClickAsync();
        var postingTimes = page.Locator("[data-testid=calendar-slot][title^='Posting time']");
        await Expect(postingTimes).ToHaveCountAsync(5);
        await Expect(postingTimes.First).ToHaveAttributeAsync("title", "Posting time: @team · Sandbox (practice)");
        await Expect(postingTimes.First).ToHaveAttributeAsync("data-time", new System.Text.RegularExpressions.Regex("T09:00$"));

        await page.GotoAsync($"{_baseUrl}/posts/{moving.PostId}");
        await Expect(page.Locator(".target-card .facts dd").First).ToHaveTextAsync(ZoneTime.Format(expectedUtc, Zone));
        Assert.Equal(expectedUtc, await DueAsync(moving.TargetId));

        // The channel's posting times (used by Add to queue) are listed on its card.
        await page.GotoAsync($"{_baseUrl}/channels");
        await Expect(page.Locator(".posting-time").First).ToContainTextAsync("Weekdays 09:00");
        await page.EvaluateAsync("() => document.querySelector('.posting-times').scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("channels-posting-times") });
        Assert.Empty(errors);
    }

    private async Task<(int PostId, int TargetId)> ScheduleAsync(Actor admin, int channelId, DateTime local, string text)
    {
        var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [channelId], ComposeMode.Schedule, local), admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return (post.Value.Id, post.Value.Targets.Single().Id);
    }

    private async Task MarkPublishedAsync((int PostId, int TargetId) post)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        await db.PostTargets.Where(t => t.Id == post.TargetId).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Published));
    }

    private async Task<DateTime?> DueAsync(int targetId)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.Where(t => t.Id == targetId).Select(t => t.DueUtc).SingleAsync();
    }

    /// <summary>The month (or list) view's drop zone for a day.</summary>
    internal static ILocator DaySlot(IPage page, DateTime day) =>
        page.Locator($"[data-testid=calendar-day][data-date='{day:yyyy-MM-dd}']");
}
