using Ocma.Core.Calendar;
using Ocma.Core.Posts;

namespace Ocma.Tests.Core.Calendar;

/// <summary>"Add to queue" takes each channel's next free posting time in the brand's zone (Berlin).</summary>
public sealed class QueueServiceTests : IAsyncLifetime
{
    // Friday 19 March 2027, 10:00 in Berlin (UTC+1).
    private CalendarHarness _h = default!;

    public async Task InitializeAsync() => _h = await CalendarHarness.StartAsync(TestClock.At(2027, 3, 19, 9, 0, 0));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task AddToQueue_SkipsPassedAndOccupiedSlots_AndCrossesIntoNextWeek()
    {
        await _h.AddSlotAsync(SlotDays.Weekdays, 9, 0);
        await _h.AddSlotAsync(SlotDays.Weekdays, 12, 30);
        await _h.ScheduleAsync(TestClock.Wall(2027, 3, 22, 9, 0));

        var dues = new List<DateTime?>();
        for (var i = 0; i < 3; i++)
        {
            var queued = await _h.ComposeAsync(ComposeMode.AddToQueue, text: $"Queued {i}");
            Assert.True(queued.Succeeded, queued.Error);
            dues.Add(Assert.Single(queued.Value.Targets).DueUtc);
        }

        Assert.Equal(
            [TestClock.Utc(2027, 3, 19, 11, 30), TestClock.Utc(2027, 3, 22, 11, 30), TestClock.Utc(2027, 3, 23, 8, 0)],
            dues);
    }

    [Fact]
    public async Task AddToQueue_FromAnAutosavedDraft_SchedulesThatSamePostAtTheNextFreeSlot()
    {
        await _h.AddSlotAsync(SlotDays.Weekdays, 12, 30);
        var draft = await _h.ComposeAsync(ComposeMode.SaveDraft, text: "Written, then queued");
        Assert.True(draft.Succeeded, draft.Error);
        var edits = _h.App.Get<PostEditService>();
        var loaded = await edits.LoadAsync(draft.Value.Id, 1, CancellationToken.None);

        var queued = await edits.SaveAsync(draft.Value.Id, loaded!.Version, new ComposeRequest(1, "Written, then queued", [_h.ChannelId], ComposeMode.AddToQueue, null), _h.Admin, CancellationToken.None);

        Assert.True(queued.Succeeded, queued.Error);
        var target = Assert.Single(queued.Value.Targets);
        Assert.Equal(TargetState.Scheduled, target.State);
        Assert.Equal(TestClock.Utc(2027, 3, 19, 11, 30), target.DueUtc);
    }

    [Fact]
    public async Task NextFreeSlots_CanceledPostsDoNotHoldTheirSlot()
    {
        await _h.AddSlotAsync(SlotDays.EveryDay, 12, 30);
        var canceled = await _h.ScheduleAsync(TestClock.Wall(2027, 3, 19, 12, 30));
        await _h.SetStateAsync(canceled, TargetState.Canceled);

        var next = await _h.App.Get<QueueService>().NextFreeSlotsAsync(1, [_h.ChannelId], CancellationToken.None);

        Assert.Equal(TestClock.Utc(2027, 3, 19, 11, 30), next.Value[_h.ChannelId]);
    }

    [Fact]
    public async Task NextFreeSlots_AcrossTheSpringChange_FollowsBerlinClocks_AndPassesOverTheSkippedHour()
    {
        _h.Clock.SetUtcNow(TestClock.At(2027, 3, 27, 12, 0, 0));
        await _h.AddSlotAsync(SlotDays.EveryDay, 2, 30);
        var queue = _h.App.Get<QueueService>();

        var night = await queue.NextFreeSlotsAsync(1, [_h.ChannelId], CancellationToken.None);
        await _h.AddSlotAsync(SlotDays.Sunday, 9, 0);
        var morning = await queue.NextFreeSlotsAsync(1, [_h.ChannelId], CancellationToken.None);

        // 02:30 does not exist on Sunday 28 March; the next one is Monday 02:30 CEST.
        Assert.Equal(TestClock.Utc(2027, 3, 29, 0, 30), night.Value[_h.ChannelId]);
        // Sunday 09:00 is already summer time: 07:00 UTC, not 08:00.
        Assert.Equal(TestClock.Utc(2027, 3, 28, 7, 0), morning.Value[_h.ChannelId]);
    }

    [Fact]
    public async Task SubmitAll_SeveralQueuedPostsInOneBatch_EachTakeTheirOwnSlot()
    {
        await _h.AddSlotAsync(SlotDays.EveryDay, 12, 30);
        var requests = Enumerable.Range(0, 2).Select(i => new ComposeRequest(1, $"Batch {i}", [_h.ChannelId], ComposeMode.AddToQueue, null)).ToList();

        var stored = await _h.App.Get<ComposeService>().SubmitAllAsync(requests, _h.Admin, CancellationToken.None);

        Assert.Equal(
            [TestClock.Utc(2027, 3, 19, 11, 30), TestClock.Utc(2027, 3, 20, 11, 30)],
            stored.Value.Select(p => Assert.Single(p.Targets).DueUtc));
    }

    [Fact]
    public async Task AddToQueue_ChannelWithoutPostingTimes_IsRefusedAndNothingStored()
    {
        var queued = await _h.ComposeAsync(ComposeMode.AddToQueue);

        Assert.Equal("Set posting times for @team on Channels first.", queued.Error);
        Assert.Empty(await _h.App.Get<PostQueries>().RecentAsync(1, 10, CancellationToken.None));
    }
}
