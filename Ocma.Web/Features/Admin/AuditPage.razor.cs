using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Admin;

public partial class AuditPage
{
    private MudDataGrid<AuditEvent>? _grid;
    private AuditChoices _choices = new([], []);
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

    private async Task<GridData<AuditEvent>> LoadPageAsync(GridState<AuditEvent> state, CancellationToken cancellationToken)
    {
        var filter = AuditFilter.ForDays(_actor, _action, Day(_from), Day(_to), _zone);
        var page = await Audit.SearchAsync(filter, state.Page * state.PageSize, state.PageSize, await CurrentActor.GetAsync(), cancellationToken);
        _error = page.Error;
        return page.Succeeded ? new GridData<AuditEvent> { Items = page.Value.Events, TotalItems = page.Value.Total } : new GridData<AuditEvent> { Items = [] };
    }

    private Task ApplyAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private static DateOnly? Day(DateTime? picked) => picked is DateTime value ? DateOnly.FromDateTime(value) : null;
}
