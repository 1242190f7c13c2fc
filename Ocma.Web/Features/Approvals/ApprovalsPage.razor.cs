using Microsoft.AspNetCore.Components;
using Ocma.Core.Approvals;
using Ocma.Core.Brands;
using Ocma.Core.Live;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Approvals;

/// <summary>The review queue of the current brand; Editors and Admins approve or reject from here.</summary>
public partial class ApprovalsPage : IDisposable
{
    private IReadOnlyList<ReviewItem> _items = [];
    private string _zone = BrandService.DefaultTimeZone;
    private int _brandId;
    private bool _approvalsOn;
    private bool _loaded;
    private LiveRefresher? _live;

    [Inject]
    private CurrentBrand CurrentBrand { get; set; } = default!;

    [Inject]
    private ReviewQueueQuery Queue { get; set; } = default!;

    [Inject]
    private LiveStatus Live { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var brand = await CurrentBrand.GetAsync();
        (_brandId, _zone, _approvalsOn) = (brand.Id, brand.TimeZoneId, brand.ApprovalsRequired);
        await LoadAsync();
        _live = new LiveRefresher(Live, e => e is TargetStateChanged, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
    }

    private async Task LoadAsync()
    {
        _items = await Queue.ListAsync(_brandId, CancellationToken.None);
        _loaded = true;
    }

    public void Dispose() => _live?.Dispose();
}
