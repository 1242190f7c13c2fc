using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Ocma.Core.Approvals;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Channels;
using Ocma.Core.Live;
using Ocma.Core.Posts;
using Ocma.Web.Components.Shared;
using Radzen;
using Radzen.Blazor;

namespace Ocma.Web.Features.Calendar;

public sealed partial class CalendarPage
{
    private static readonly string[] ViewNames = ["month", "week", "day", "list"];

    private RadzenScheduler<CalendarItem>? _scheduler;
    private Brand? _brand;
    private IReadOnlyList<Brand> _brands = [];
    private int? _unknownBrand;
    private string _zone = BrandService.DefaultTimeZone;
    private string? _viewerZone;
    private List<CalendarItem> _items = [];
    private IReadOnlyList<ChannelSummary> _channels = [];
    private IReadOnlyList<string> _campaigns = [];
    private IReadOnlyList<PostingSlot> _slots = [];
    private CalendarFilter _filter = new(null, null);
    private (DateTime Start, DateTime End)? _range;
    private LiveRefresher? _live;

    [Inject] private CurrentBrand CurrentBrand { get; set; } = default!;
    [Inject] private BrandService Brands { get; set; } = default!;
    [Inject] private ChannelService ChannelService { get; set; } = default!;
    [Inject] private PostQueries Posts { get; set; } = default!;
    [Inject] private PostingSlotService SlotService { get; set; } = default!;
    [Inject] private RescheduleService Reschedule { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private LiveStatus Live { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "channel")] private int? ChannelParam { get; set; }
    [SupplyParameterFromQuery(Name = "state")] private string? StateParam { get; set; }
    [SupplyParameterFromQuery(Name = "campaign")] private string? CampaignParam { get; set; }
    [SupplyParameterFromQuery(Name = "view")] private string? ViewName { get; set; }
    [SupplyParameterFromQuery(Name = "brand")] private int? BrandParam { get; set; }

    private int SelectedIndex => Math.Max(0, Array.IndexOf(ViewNames, ViewName?.ToLowerInvariant()));

    protected override async Task OnInitializedAsync()
    {
        _brand = await CurrentBrand.GetAsync();
        _brands = await Brands.ListAsync(CancellationToken.None);
        if (BrandParam is int wanted && wanted != _brand.Id && _brands.Any(b => b.Id == wanted))
        {
            // A shared link names its brand: switch to it and load the page again, so the top bar shows it too.
            await Brands.SwitchAsync((await CurrentActor.GetAsync()).UserId!, wanted, CancellationToken.None);
            Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
            return;
        }

        _unknownBrand = BrandParam is int asked && _brands.All(b => b.Id != asked) ? asked : null;
        _zone = _brand.TimeZoneId;
        _channels = await ChannelService.ListAsync(_brand.Id, CancellationToken.None);
        _campaigns = await Posts.CampaignsAsync(_brand.Id, CancellationToken.None);
        _slots = await SlotService.ListAsync(_brand.Id, CancellationToken.None);
        _live = new LiveRefresher(Live, e => e is TargetStateChanged, () => InvokeAsync(ReloadAsync));
    }

    protected override void OnParametersSet() => _filter = CalendarFilter.Parse(ChannelParam, StateParam, CampaignParam);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // The viewer's own zone, for the second time in each item's tooltip.
            _viewerZone = await JS.InvokeAsync<string?>("ocmaViewerZone");
            await ReloadAsync();
        }
    }

    private async Task LoadDataAsync(SchedulerLoadDataEventArgs args)
    {
        _range = (args.Start, args.End);
        await LoadAsync();
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        if (_scheduler is not null)
        {
            await _scheduler.Reload();
        }
    }

    private async Task LoadAsync()
    {
        if (_range is not var (start, end) || _brand is null)
        {
            return;
        }

        // The view's edges are wall-clock times in the brand's zone; pad a day so zone offsets never drop an edge item.
        var rows = await Posts.BetweenAsync(_brand.Id, start.AddDays(-1), end.AddDays(1), CancellationToken.None);
        var now = Time.GetUtcNow().UtcDateTime;
        _items = rows.Where(r => r.DueUtc is not null && _filter.Matches(r)).Select(r =>
        {
            var shownUtc = r.PublishedUtc ?? r.DueUtc!.Value;
            var local = ZoneClock.ToWallClock(shownUtc, _zone);
            var missed = ApprovalRules.MissedItsTime(r.State, r.DueUtc, now);
            var label = missed ? "Missed its time" : r.State == TargetState.InReview ? "In review" : r.State.ToString();
            var stateText = missed ? ApprovalRules.MissedItsTimeText(r.DueUtc!.Value, _zone) : label;
            var text = $"{label}: {(r.Text.Length > 40 ? r.Text[..40] + "…" : r.Text)}";
            return new CalendarItem(r.TargetId, r.PostId, local, local.AddMinutes(30), text, r.State, r.ChannelLabel, shownUtc, r.Text, stateText);
        }).ToList();
    }

    private async Task MoveAsync(SchedulerAppointmentMoveEventArgs args)
    {
        if (args.Appointment?.Data is not CalendarItem item)
        {
            return;
        }

        var dropped = args.Appointment.Start + args.TimeSpan;
        var actor = await CurrentActor.GetAsync();
        var wholeDay = _scheduler?.SelectedView is RadzenMonthView or RadzenAgendaView;
        var result = wholeDay
            ? await Reschedule.MoveToDayAsync(item.TargetId, DateOnly.FromDateTime(dropped), actor, CancellationToken.None)
            : await Reschedule.MoveAsync(item.TargetId, dropped, actor, CancellationToken.None);
        Notifications.Notify(result.Succeeded
            ? new NotificationMessage { Severity = NotificationSeverity.Success, Summary = "Rescheduled", Detail = $"Now due {ZoneTime.Short(result.Value, _zone)} ({_zone}).", Duration = 4000 }
            : new NotificationMessage { Severity = NotificationSeverity.Error, Summary = "Not moved", Detail = result.Error ?? "", Duration = 10000 });
        await ReloadAsync();
    }

    private void Open(SchedulerAppointmentSelectEventArgs<CalendarItem> args)
    {
        if (args.Data is { } item)
        {
            Navigation.NavigateTo($"/posts/{item.PostId}");
        }
    }

    private void Decorate(SchedulerAppointmentRenderEventArgs<CalendarItem> args)
    {
        if (args.Data is not { } item || args.Attributes is null)
        {
            return;
        }

        args.Attributes["class"] = $"calendar-item state-{item.State.ToString().ToLowerInvariant()}";
        args.Attributes["title"] = CalendarTooltip.For(item, _zone, _viewerZone);
        args.Attributes["data-post-id"] = item.PostId;
        args.Attributes["data-target-id"] = item.TargetId;
    }

    private void MarkPostingSlots(SchedulerSlotRenderEventArgs args)
    {
        if (args.View is RadzenMonthView or RadzenAgendaView)
        {
            return;
        }

        var names = _slots.Where(s => (_filter.ChannelId is null || s.ChannelId == _filter.ChannelId) && s.Days.Includes(args.Start.DayOfWeek)
                && args.Start.TimeOfDay <= s.LocalTime.ToTimeSpan() && s.LocalTime.ToTimeSpan() < args.End.TimeOfDay.Add(args.End.Date > args.Start.Date ? TimeSpan.FromDays(1) : TimeSpan.Zero))
            .Select(s => _channels.FirstOrDefault(c => c.Id == s.ChannelId)?.Label).Where(n => n is not null).Distinct().ToList();
        if (names.Count > 0)
        {
            args.Attributes["class"] = "posting-slot";
            args.Attributes["title"] = "Posting time: " + string.Join(", ", names);
        }
    }

    public void Dispose() => _live?.Dispose();
}
