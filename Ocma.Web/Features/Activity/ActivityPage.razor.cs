using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ocma.Core.Approvals;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Live;
using Ocma.Core.Posts;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Activity;

/// <summary>Every target of the brand, a page at a time from the database: searched, filtered and sorted there.</summary>
public sealed partial class ActivityPage
{
    private static readonly Dictionary<string, ActivitySortBy> SortColumns = new()
    {
        [nameof(TargetView.DueUtc)] = ActivitySortBy.Due,
        [nameof(TargetView.ChannelLabel)] = ActivitySortBy.Channel,
        [nameof(TargetView.State)] = ActivitySortBy.State,
        [nameof(TargetView.AuthorName)] = ActivitySortBy.Author,
    };

    private MudDataGrid<TargetView>? _grid;
    private Brand? _brand;
    private string _zone = BrandService.DefaultTimeZone;
    private bool _canCompose;
    private IReadOnlyList<ChannelSummary> _channels = [];
    private IReadOnlyDictionary<int, PostReview> _reviews = new Dictionary<int, PostReview>();
    private string? _search;
    private TargetState? _state;
    private int? _channel;
    private Dictionary<int, TargetView> _inView = [];
    private HashSet<int> _changedElsewhere = [];
    private IDisposable? _live;

    [Inject] private CurrentBrand CurrentBrand { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ActivityQuery Activity { get; set; } = default!;
    [Inject] private ChannelService Channels { get; set; } = default!;
    [Inject] private ReviewHistoryQuery Reviews { get; set; } = default!;
    [Inject] private LiveRowFeed Live { get; set; } = default!;

    private bool IsFiltered => !string.IsNullOrWhiteSpace(_search) || _state is not null || _channel is not null;

    protected override async Task OnInitializedAsync()
    {
        _brand = await CurrentBrand.GetAsync();
        _zone = _brand.TimeZoneId;
        _canCompose = (await CurrentActor.GetAsync()).CanCompose;
        _channels = await Channels.ListAsync(_brand.Id, CancellationToken.None);
        _live = Live.Subscribe(batch => InvokeAsync(() => ApplyAsync(batch)));
    }

    private async Task<GridData<TargetView>> LoadPageAsync(GridState<TargetView> state, CancellationToken cancellationToken)
    {
        var sortedBy = state.SortDefinitions.FirstOrDefault();
        var sort = sortedBy is not null && SortColumns.TryGetValue(sortedBy.SortBy, out var by) ? new ActivitySort(by, sortedBy.Descending) : new ActivitySort();
        var page = await Activity.PageAsync(_brand!.Id, new ActivityFilter(_search, _state, _channel), sort, state.Page * state.PageSize, state.PageSize, cancellationToken);
        _reviews = await Reviews.LatestAsync(page.Rows.Select(r => r.PostId).Distinct().ToList(), cancellationToken);
        _inView = page.Rows.ToDictionary(r => r.TargetId);
        _changedElsewhere = [];
        return new GridData<TargetView> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task ApplyAsync() => ReloadAsync();

    /// <summary>A batch of changed rows: rows in view change in place; others that this list would show are counted for "show".</summary>
    private async Task ApplyAsync(LiveBatch batch)
    {
        var filter = new ActivityFilter(_search, _state, _channel);
        var reviewed = new List<int>();
        foreach (var row in batch.OfBrand(_brand!.Id))
        {
            if (_inView.TryGetValue(row.TargetId, out var shown))
            {
                _inView[row.TargetId] = row;
                if (shown.State == TargetState.InReview && row.State != TargetState.InReview)
                {
                    reviewed.Add(row.PostId); // approved or sent back: the note follows the decision
                }
            }
            else if (ActivityMatch.Shows(filter, row))
            {
                _changedElsewhere.Add(row.TargetId);
            }
        }

        if (reviewed.Count > 0)
        {
            var decisions = await Reviews.LatestAsync(reviewed, CancellationToken.None);
            _reviews = _reviews.Where(r => !decisions.ContainsKey(r.Key)).Concat(decisions).ToDictionary();
        }

        StateHasChanged();
    }

    /// <summary>The row as it stands now: the grid's copy, or the newer one a live batch brought.</summary>
    private TargetView Current(TargetView row) => _inView.GetValueOrDefault(row.TargetId) ?? row;

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";

    public void Dispose() => _live?.Dispose();
}
