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
        await ScheduleAsync(admin, channel.Id, nextMonth.AddDays(2).AddHours(18), "Evening post for the weekend");
        Assert.True((await _app.Get<PostingSlotService>().AddAsync(channel.Id, SlotDays.Weekdays, new TimeOnly(9, 0), admin, CancellationToken.None)).Succeeded);

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            TimezoneId = "America/New_York",
        });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);
        await page.GotoAsync(_baseUrl + "/calendar");
        var item = page.Locator($".calendar-item[data-post-id='{moving.PostId}']");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.Locator(".rz-scheduler-nav .rz-next").ClickAsync();
        await Expect(item).ToBeVisibleAsync();

        // Hovering shows the time in the brand's zone and in the viewer's own.
        await Expect(item).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"10:00 \(Europe/Berlin\) · .* your time \(America/New_York\)"));

        await item.DragToAsync(DaySlot(page, 12));

        var expectedUtc = ZoneClock.ToUtc(nextMonth.AddDays(11).AddHours(10), Zone).Value;
        await Expect(page.Locator(".rz-notification")).ToContainTextAsync("Rescheduled");
        var newLocal = nextMonth.AddDays(11).AddHours(10).ToString("ddd d MMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(item).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape($"{newLocal} (Europe/Berlin)")));
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("calendar-month") });

        // A published post can't be dragged: it stays where it was and the reason is shown.
        var publishedItem = page.Locator($".calendar-item[data-post-id='{published.PostId}']");
        var titleBefore = await publishedItem.GetAttributeAsync("title");
        // Moved with the mouse, step by step, as a person drags.
        await publishedItem.HoverAsync();
        await page.Mouse.DownAsync();
        var target = await DaySlot(page, 17).BoundingBoxAsync();
        await page.Mouse.MoveAsync(target!.X + target.Width / 2, target.Y + 20, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        var refusal = page.Locator(".rz-notification-item").Filter(new() { HasText = "Not moved" });
        await Expect(refusal).ToContainTextAsync("Only drafts and scheduled posts can be rescheduled.");
        await Expect(publishedItem).ToHaveAttributeAsync("title", titleBefore!);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("calendar-refused-move") });
        Assert.Equal(ZoneClock.ToUtc(nextMonth.AddDays(14).AddHours(11), Zone).Value, await DueAsync(published.TargetId));

        await page.Locator(".rz-scheduler-nav-views button", new() { HasText = "List" }).ClickAsync();
        await Expect(page.Locator(".rz-view-content-agenda")).ToContainTextAsync("Moves two days later");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("calendar-list") });

        // The week view shades the channel's posting times (weekdays 09:00), with the channel named on hover.
        await page.Locator(".rz-scheduler-nav-views button", new() { HasText = "Week" }).ClickAsync();
        await Expect(page.Locator(".rz-slot.posting-slot")).ToHaveCountAsync(5);
        await Expect(page.Locator(".rz-slot.posting-slot").First).ToHaveAttributeAsync("title", "Posting time: @team · Sandbox (practice)");

        await page.GotoAsync($"{_baseUrl}/posts/{moving.PostId}");
        await Expect(page.Locator(".target-card .facts dd").First).ToHaveTextAsync(ZoneTime.Format(expectedUtc, Zone));
        Assert.Equal(expectedUtc, await DueAsync(moving.TargetId));

        // The channel's posting times (used by Add to queue) are listed on its card.
        await page.GotoAsync($"{_baseUrl}/channels");
        await Expect(page.Locator(".posting-time").First).ToContainTextAsync("Weekdays 09:00");
        await page.EvaluateAsync("() => document.querySelector('.posting-times').scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("channels-posting-times") });
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

    /// <summary>The month view's cell for a day of the month shown (days 7–21 appear once in any month grid).</summary>
    internal static ILocator DaySlot(IPage page, int day) =>
        page.Locator(".rz-month-view .rz-slots .rz-slot").Filter(new() { Has = page.Locator(".rz-slot-title", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{day}$") }) });
}
