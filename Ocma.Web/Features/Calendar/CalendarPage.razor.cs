using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Channels;
using Ocma.Core.Live;
using Ocma.Core.Posts;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Calendar;

/// <summary>
/// Month, week, day and list views of the brand's posts in its zone, filtered and positioned by the address; posts move by
/// drag and drop or "Move to…", checked by the same rules as compose (no past, no skipped hour, nothing already sent).
/// </summary>
public sealed partial class CalendarPage
{
    private Brand? _brand;
    private IReadOnlyList<Brand> _brands = [];
    private int? _unknownBrand;
    private Brand? _workingIn;
    private string _zone = BrandService.DefaultTimeZone;
    private string? _viewerZone;
    private DateOnly _today;
    private IReadOnlyList<ChannelSummary> _channels = [];
    private IReadOnlyList<string> _campaigns = [];
    private PostingShade _shade = PostingShade.None;
    private CalendarLayout _layout = CalendarLayout.Empty(new CalendarRange(CalendarView.Month, DateOnly.MinValue));
    private LiveRefresher? _live;

    [Inject] private CurrentBrand CurrentBrand { get; set; } = default!;
    [Inject] private BrandService Brands { get; set; } = default!;
    [Inject] private ChannelService ChannelService { get; set; } = default!;
    [Inject] private PostQueries Posts { get; set; } = default!;
    [Inject] private PostingSlotService SlotService { get; set; } = default!;
    [Inject] private RescheduleService Reschedule { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private LiveStatus Live { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "channel")] private int? ChannelParam { get; set; }
    [SupplyParameterFromQuery(Name = "state")] private string? StateParam { get; set; }
    [SupplyParameterFromQuery(Name = "campaign")] private string? CampaignParam { get; set; }
    [SupplyParameterFromQuery(Name = "view")] private string? ViewParam { get; set; }
    [SupplyParameterFromQuery(Name = "date")] private string? DateParam { get; set; }
    [SupplyParameterFromQuery(Name = "brand")] private int? BrandParam { get; set; }

    private CalendarUrl Url => new(CalendarRange.ParseView(ViewParam), CalendarUrl.ParseDate(DateParam), CalendarFilter.Parse(ChannelParam, StateParam, CampaignParam));

    protected override async Task OnInitializedAsync()
    {
        var current = await CurrentBrand.GetAsync();
        _brands = await Brands.ListForAsync(await CurrentActor.GetAsync(), CancellationToken.None);

        // A link naming a brand shows that brand's calendar; the brand the person works in changes only through the top
        // bar's form (a POST), so a link from another site cannot switch it.
        _brand = _brands.FirstOrDefault(b => b.Id == BrandParam) ?? current;
        _workingIn = _brand.Id == current.Id ? null : current;
        _unknownBrand = BrandParam is int asked && _brands.All(b => b.Id != asked) ? asked : null;
        _zone = _brand.TimeZoneId;
        _channels = await ChannelService.ListAsync(_brand.Id, CancellationToken.None);
        _campaigns = await Posts.CampaignsAsync(_brand.Id, CancellationToken.None);
        _live = new LiveRefresher(Live, e => e is TargetStateChanged, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_brand is not null && _live is not null)
        {
            await LoadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _viewerZone = await JS.InvokeAsync<string?>("ocma.viewerZone"); // for the second time in each item's hover text
            StateHasChanged();
        }
    }

    private async Task LoadAsync()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        _today = DateOnly.FromDateTime(ZoneClock.ToWallClock(now, _zone));
        var url = Url;
        var range = new CalendarRange(url.View, url.Date ?? _today);
        _shade = new PostingShade(await SlotService.ListAsync(_brand!.Id, CancellationToken.None), _channels, url.Filter.ChannelId);

        // The range's edges are wall-clock days in the brand's zone; pad a day so zone offsets never drop an edge item.
        var from = range.First.ToDateTime(TimeOnly.MinValue).AddDays(-1);
        var rows = await Posts.BetweenAsync(_brand.Id, from, range.End.ToDateTime(TimeOnly.MinValue).AddDays(1), CancellationToken.None);
        _layout = CalendarLayout.Build(rows, range, _zone, now, url.Filter);
    }

    private string DayLink(DateOnly day) => Url.WithView(CalendarView.Day).WithDate(day).ToString();

    private async Task DroppedAsync((CalendarItem Item, string Zone) drop)
    {
        var (day, hour) = CalendarZones.Parse(drop.Zone);
        var actor = await CurrentActor.GetAsync();
        var result = hour is int h
            ? await Reschedule.MoveAsync(drop.Item.TargetId, day.ToDateTime(new TimeOnly(h, drop.Item.Local.Minute, drop.Item.Local.Second)), actor, CancellationToken.None)
            : await Reschedule.MoveToDayAsync(drop.Item.TargetId, day, actor, CancellationToken.None);
        await ReportAsync(result.Succeeded, result.Succeeded ? result.Value : null, result.Error);
    }

    private async Task MoveAsync(CalendarItem item)
    {
        var parameters = new DialogParameters<MoveDialog> { { d => d.Item, item }, { d => d.Zone, _zone } };
        var dialog = await Dialogs.ShowAsync<MoveDialog>($"Move post {item.PostId}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: DateTime due })
        {
            await ReportAsync(true, due, null);
        }
    }

    private async Task ReportAsync(bool moved, DateTime? dueUtc, string? error)
    {
        if (moved)
        {
            Snackbar.Add($"Rescheduled: now due {ZoneTime.Short(dueUtc, _zone)} ({_zone}).", Severity.Success);
        }
        else
        {
            Snackbar.Add($"Not moved: {error}", Severity.Error, o => o.VisibleStateDuration = 10_000);
        }

        await LoadAsync();
    }

    public void Dispose() => _live?.Dispose();
}
