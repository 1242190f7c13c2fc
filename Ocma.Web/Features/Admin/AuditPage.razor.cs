using Microsoft.AspNetCore.Components;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Web.Components.Shared;
using Radzen;
using Radzen.Blazor;

namespace Ocma.Web.Features.Admin;

public partial class AuditPage
{
    private RadzenDataGrid<AuditEvent>? _grid;
    private IReadOnlyList<AuditEvent>? _events; // null until the first load: the grid only asks for data while it has none
    private AuditChoices _choices = new([], []);
    private int _total;
    private bool _loading;
    private string _zone = BrandService.DefaultTimeZone;
    private string? _actor;
    private string? _action;
    private DateTime? _from;
    private DateTime? _to;
    private string? _error;

    [Inject]
    private AuditQuery Audit { get; set; } = default!;

    [Inject]
    private CurrentBrand CurrentBrand { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _zone = (await CurrentBrand.GetAsync()).TimeZoneId;
        var choices = await Audit.ChoicesAsync(await CurrentActor.GetAsync(), CancellationToken.None);
        _choices = choices.Succeeded ? choices.Value : _choices;
    }

    private async Task LoadAsync(LoadDataArgs args)
    {
        _loading = true;
        var filter = AuditFilter.ForDays(_actor, _action, Day(_from), Day(_to), _zone);
        var page = await Audit.SearchAsync(filter, args.Skip ?? 0, args.Top ?? 25, await CurrentActor.GetAsync(), CancellationToken.None);
        _error = page.Error;
        (_events, _total) = page.Succeeded ? (page.Value.Events, page.Value.Total) : ([], 0);
        _loading = false;
    }

    private async Task ApplyAsync()
    {
        if (_grid is not null)
        {
            await _grid.FirstPage(true);
        }
    }

    private static DateOnly? Day(DateTime? picked) => picked is DateTime value ? DateOnly.FromDateTime(value) : null;
}
