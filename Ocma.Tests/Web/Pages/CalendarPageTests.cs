using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Features.Calendar;

namespace Ocma.Tests.Web.Pages;

/// <summary>
/// The calendar's drop rules and its keyboard move, rendered with bUnit against the real app (brand zone Europe/Berlin):
/// what moves, what is refused and why, and that the refusal leaves the post where it was.
/// </summary>
public sealed class CalendarPageTests : AppComponentTest
{
    private const string Zone = "Europe/Berlin";
    private Actor _admin = default!;
    private int _channelId;
    private DateTime _today;

    public override async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(App);
        Assert.True((await App.Get<BrandService>().UpdateAsync(1, "Berlin team", Zone, _admin, CancellationToken.None)).Succeeded);
        _channelId = (await SandboxChannels.ConnectAsync(App, _admin)).Id;
        _today = ZoneClock.ToWallClock(App.Get<TimeProvider>().GetUtcNow().UtcDateTime, Zone).Date;
    }

    [Fact]
    public async Task DropOnAnotherDay_MovesThePostThere_KeepingItsTimeOfDay()
    {
        var month = FirstOfNextMonth();
        var post = await ScheduleAsync(month.AddDays(9).AddHours(10), "Moves two days later");
        var cut = Open(CalendarView.Month, month);

        DragOnto(cut, post.TargetId, DayZone(cut, month.AddDays(11)));

        cut.WaitForAssertion(() => Assert.Contains(Messages(), m => m.StartsWith("Rescheduled: now due", StringComparison.Ordinal)));
        Assert.Equal(ZoneClock.ToUtc(month.AddDays(11).AddHours(10), Zone).Value, await DueAsync(post.TargetId));
        cut.WaitForAssertion(() => Assert.NotNull(DayZone(cut, month.AddDays(11)).QuerySelector($".calendar-item[data-target-id='{post.TargetId}']")));
    }

    [Fact]
    public async Task DropAPublishedPost_IsRefusedWithTheReason_AndItStaysWhereItWas()
    {
        var month = FirstOfNextMonth();
        var post = await ScheduleAsync(month.AddDays(14).AddHours(11), "Already out");
        await SetStateAsync(post.TargetId, TargetState.Published);
        var cut = Open(CalendarView.Month, month);

        DragOnto(cut, post.TargetId, DayZone(cut, month.AddDays(16)));

        cut.WaitForAssertion(() => Assert.Contains(Messages(), m => m.StartsWith("Not moved:", StringComparison.Ordinal) && m.Contains("Only drafts and scheduled posts can be rescheduled.", StringComparison.Ordinal)));
        Assert.Equal(ZoneClock.ToUtc(month.AddDays(14).AddHours(11), Zone).Value, await DueAsync(post.TargetId));
        Assert.NotNull(DayZone(cut, month.AddDays(14)).QuerySelector($".calendar-item[data-target-id='{post.TargetId}']"));
    }

    [Fact]
    public async Task DropIntoTheHourTheClocksSkip_IsRefusedNamingTheZone()
    {
        var springForward = NextSpringForward();
        var post = await ScheduleAsync(springForward.AddHours(10), "Sunday brunch");
        var cut = Open(CalendarView.Day, springForward);

        DragOnto(cut, post.TargetId, cut.Find($"[data-testid=calendar-slot][data-time='{springForward:yyyy-MM-dd}T02:00']"));

        cut.WaitForAssertion(() => Assert.Contains(Messages(), m => m.Contains($"does not exist in {Zone}: the clocks skip that hour", StringComparison.Ordinal)));
        Assert.Equal(ZoneClock.ToUtc(springForward.AddHours(10), Zone).Value, await DueAsync(post.TargetId));
    }

    [Fact]
    public async Task DropOnADayThatHasPassed_IsRefused()
    {
        var post = await ScheduleAsync(_today.AddDays(1).AddHours(12), "Tomorrow at noon");
        var cut = Open(CalendarView.Month, _today.AddDays(-7));

        DragOnto(cut, post.TargetId, DayZone(cut, _today.AddDays(-7)));

        cut.WaitForAssertion(() => Assert.Contains(Messages(), m => m.Contains("is in the past. Drop it on a later time.", StringComparison.Ordinal)));
        Assert.Equal(ZoneClock.ToUtc(_today.AddDays(1).AddHours(12), Zone).Value, await DueAsync(post.TargetId));
    }

    [Fact]
    public async Task WeekView_DropOnAnHour_KeepsTheMinutes_AndShadesThePostingTimes()
    {
        var month = FirstOfNextMonth();
        var post = await ScheduleAsync(month.AddDays(9).AddHours(10).AddMinutes(25), "Ten twenty-five");
        Assert.True((await App.Get<PostingSlotService>().AddAsync(_channelId, SlotDays.Weekdays, new TimeOnly(9, 0), _admin, CancellationToken.None)).Succeeded);
        var cut = Open(CalendarView.Week, month.AddDays(9));

        var shaded = cut.FindAll("[data-testid=calendar-slot][title]");
        Assert.Equal(5, shaded.Count);
        Assert.All(shaded, s => Assert.EndsWith("T09:00", s.GetAttribute("data-time"), StringComparison.Ordinal));
        Assert.Equal("Posting time: @team · Sandbox (practice)", shaded[0].GetAttribute("title"));
        DragOnto(cut, post.TargetId, cut.Find($"[data-testid=calendar-slot][data-time='{month.AddDays(9):yyyy-MM-dd}T15:00']"));

        cut.WaitForAssertion(() => Assert.Contains(Messages(), m => m.StartsWith("Rescheduled", StringComparison.Ordinal)));
        Assert.Equal(ZoneClock.ToUtc(month.AddDays(9).AddHours(15).AddMinutes(25), Zone).Value, await DueAsync(post.TargetId));
    }

    [Fact]
    public async Task MoveTo_WithoutAMouse_ExplainsARefusalInTheDialog_ThenMovesToTheTimeTyped()
    {
        var month = FirstOfNextMonth();
        var post = await ScheduleAsync(month.AddDays(2).AddHours(18), "Evening post");
        var cut = Open(CalendarView.Month, month);

        cut.Find($".calendar-item[data-target-id='{post.TargetId}'] button").Click();
        var dialog = DialogHost.WaitForElement("[role=dialog]");
        DialogHost.Find("#move-day").Change(_today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        DialogHost.Find("#move-confirm").Click();
        DialogHost.WaitForAssertion(() => Assert.Contains("is in the past", DialogHost.Find("[role=dialog] [role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal(ZoneClock.ToUtc(month.AddDays(2).AddHours(18), Zone).Value, await DueAsync(post.TargetId));

        DialogHost.Find("#move-day").Change(month.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        DialogHost.Find("#move-time").Change("20:15");
        DialogHost.Find("#move-confirm").Click();

        DialogHost.WaitForAssertion(() => Assert.Empty(DialogHost.FindAll("[role=dialog]")));
        Assert.Equal(ZoneClock.ToUtc(month.AddDays(3).AddHours(20).AddMinutes(15), Zone).Value, await DueAsync(post.TargetId));
        cut.WaitForAssertion(() => Assert.Contains(Messages(), m => m.StartsWith("Rescheduled", StringComparison.Ordinal)));
        Assert.NotNull(dialog);
    }

    private IRenderedComponent<CalendarPage> Open(CalendarView view, DateTime date)
    {
        SignInAs(_admin);
        Services.GetRequiredService<NavigationManager>().NavigateTo(new CalendarUrl(view, DateOnly.FromDateTime(date), new CalendarFilter(null, null)).ToString());
        var cut = RenderInLayout<CalendarPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=calendar-day], [data-testid=calendar-slot]")));
        return cut;
    }

    private static void DragOnto(IRenderedComponent<CalendarPage> cut, int targetId, IElement zone)
    {
        cut.WaitForElement($".calendar-item[data-target-id='{targetId}']").Closest("[draggable=true]")!.DragStart();
        zone.Drop();
    }

    private static IElement DayZone(IRenderedComponent<CalendarPage> cut, DateTime day) =>
        cut.Find($"[data-testid=calendar-day][data-date='{day:yyyy-MM-dd}']");

    private DateTime FirstOfNextMonth() => new DateTime(_today.Year, _today.Month, 1).AddMonths(1);

    /// <summary>The next Sunday the clocks in Berlin go forward from 02:00 to 03:00 (the last Sunday of March), at least a week away.</summary>
    private DateTime NextSpringForward()
    {
        var zone = ZoneClock.FindZone(Zone);
        return Enumerable.Range(7, 800).Select(d => _today.AddDays(d)).First(d => zone.IsInvalidTime(d.AddHours(2).AddMinutes(30)));
    }

    private async Task<(int PostId, int TargetId)> ScheduleAsync(DateTime local, string text)
    {
        var post = await App.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [_channelId], ComposeMode.Schedule, local), _admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return (post.Value.Id, post.Value.Targets.Single().Id);
    }

    private async Task SetStateAsync(int targetId, TargetState state)
    {
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        await db.PostTargets.Where(t => t.Id == targetId).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, state));
    }

    private async Task<DateTime?> DueAsync(int targetId)
    {
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.Where(t => t.Id == targetId).Select(t => t.DueUtc).SingleAsync();
    }
}
