using Ocma.Core.Calendar;
using Ocma.Core.Identity;
using Ocma.Core.Live;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Calendar;

/// <summary>Moving a post on the calendar follows compose's rules, in the brand's zone (Berlin, around the 2027 spring change).</summary>
public sealed class RescheduleServiceTests : IAsyncLifetime
{
    private CalendarHarness _h = default!;

    public async Task InitializeAsync() => _h = await CalendarHarness.StartAsync(TestClock.At(2027, 3, 20, 12, 0, 0));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private RescheduleService Service => _h.App.Get<RescheduleService>();

    [Fact]
    public async Task Move_ScheduledPostEarlier_StoresTheBerlinTimeAsUtc_AuditsRearmsAndTellsOpenConsoles()
    {
        var target = await _h.ScheduleAsync(TestClock.Wall(2027, 3, 25, 10, 0));
        var events = new List<LiveEvent>();
        using var subscription = _h.App.Get<LiveStatus>().Subscribe(e => { events.Add(e); return Task.CompletedTask; });

        var moved = await Service.MoveAsync(target, TestClock.Wall(2027, 3, 24, 9, 15), _h.Admin, CancellationToken.None);

        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal(TestClock.Utc(2027, 3, 24, 8, 15), (await _h.TargetAsync(target)).DueUtc);
        Assert.Equal(TestClock.At(2027, 3, 24, 8, 15, 0), await _h.App.Get<DispatchTrigger>().NextFireAsync(CancellationToken.None));
        var audit = Assert.Single(await _h.AuditAsync("post.rescheduled"));
        Assert.Contains($"{TestClock.Year(2027)}-03-24 09:15 Europe/Berlin", audit.Details, StringComparison.Ordinal);
        Assert.Contains(events, e => e is TargetStateChanged changed && changed.TargetId == target && changed.State == TargetState.Scheduled);
    }

    [Fact]
    public async Task MoveToDay_AcrossTheSpringChange_KeepsTheWallClockTimeOfDay()
    {
        var target = await _h.ScheduleAsync(TestClock.Wall(2027, 3, 26, 10, 0));
        Assert.Equal(TestClock.Utc(2027, 3, 26, 9, 0), (await _h.TargetAsync(target)).DueUtc);

        var moved = await Service.MoveToDayAsync(target, TestClock.Day(2027, 3, 29), _h.Admin, CancellationToken.None);

        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal(TestClock.Utc(2027, 3, 29, 8, 0), (await _h.TargetAsync(target)).DueUtc);
    }

    [Fact]
    public async Task Move_IntoTheHourTheClocksSkip_IsRefusedAndNothingChanges()
    {
        var target = await _h.ScheduleAsync(TestClock.Wall(2027, 3, 25, 10, 0));

        var moved = await Service.MoveAsync(target, TestClock.Wall(2027, 3, 28, 2, 30), _h.Admin, CancellationToken.None);

        Assert.Contains("does not exist in Europe/Berlin", moved.Error, StringComparison.Ordinal);
        Assert.Equal(TestClock.Utc(2027, 3, 25, 9, 0), (await _h.TargetAsync(target)).DueUtc);
        Assert.Empty(await _h.AuditAsync("post.rescheduled"));
    }

    [Fact]
    public async Task Move_IntoThePast_IsRefused()
    {
        var target = await _h.ScheduleAsync(TestClock.Wall(2027, 3, 25, 10, 0));

        var moved = await Service.MoveToDayAsync(target, TestClock.Day(2027, 3, 19), _h.Admin, CancellationToken.None);

        Assert.Contains("is in the past", moved.Error, StringComparison.Ordinal);
        Assert.Equal(TestClock.Utc(2027, 3, 25, 9, 0), (await _h.TargetAsync(target)).DueUtc);
    }

    [Theory]
    [InlineData(TargetState.Publishing)]
    [InlineData(TargetState.Published)]
    [InlineData(TargetState.Failed)]
    [InlineData(TargetState.Retrying)]
    [InlineData(TargetState.Canceled)]
    public async Task Move_PostAlreadyHandedOnOrSettled_IsRefusedNamingItsState(TargetState state)
    {
        var target = await _h.ScheduleAsync(TestClock.Wall(2027, 3, 25, 10, 0));
        await _h.SetStateAsync(target, state);

        var moved = await Service.MoveAsync(target, TestClock.Wall(2027, 3, 26, 10, 0), _h.Admin, CancellationToken.None);

        Assert.Contains($"This post is {state}", moved.Error, StringComparison.Ordinal);
        Assert.Equal(TestClock.Utc(2027, 3, 25, 9, 0), (await _h.TargetAsync(target)).DueUtc);
    }

    [Fact]
    public async Task Move_Draft_KeepsItADraft()
    {
        var draft = await _h.ComposeAsync(ComposeMode.SaveDraft, TestClock.Wall(2027, 3, 25, 10, 0));
        var target = draft.Value.Targets.Single().Id;

        var moved = await Service.MoveAsync(target, TestClock.Wall(2027, 3, 27, 18, 0), _h.Admin, CancellationToken.None);

        Assert.True(moved.Succeeded, moved.Error);
        var stored = await _h.TargetAsync(target);
        Assert.Equal(TargetState.Draft, stored.State);
        Assert.Equal(TestClock.Utc(2027, 3, 27, 17, 0), stored.DueUtc);
    }

    [Fact]
    public async Task Move_ByViewer_IsRefused()
    {
        var target = await _h.ScheduleAsync(TestClock.Wall(2027, 3, 25, 10, 0));
        var viewer = await TestUsers.CreateAsync(_h.App, _h.Admin, "viewer@example.com", Roles.Viewer);

        var moved = await Service.MoveAsync(target, TestClock.Wall(2027, 3, 26, 10, 0), viewer, CancellationToken.None);

        Assert.Contains("cannot reschedule", moved.Error, StringComparison.Ordinal);
        Assert.Equal(TestClock.Utc(2027, 3, 25, 9, 0), (await _h.TargetAsync(target)).DueUtc);
    }
}
