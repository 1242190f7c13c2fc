using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ocma.Core.Identity;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Admin;

/// <summary>Admin → Users: a page of people at a time, their roles and access, and adding someone new.</summary>
public partial class UsersPage
{
    private MudDataGrid<UserSummary>? _grid;
    private string? _myId;
    private string? _search;
    private Invitation? _invitation;

    [Inject]
    private UserService Users { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() =>
        _myId = (await CurrentActor.GetAsync()).UserId; // no Lock button on your own row: the service refuses it anyway

    private async Task<GridData<UserSummary>> LoadPageAsync(GridState<UserSummary> state, CancellationToken cancellationToken)
    {
        var descending = state.SortDefinitions.FirstOrDefault() is { Descending: true };
        var page = await Users.PageAsync(_search, descending, state.Page * state.PageSize, state.PageSize, cancellationToken);
        return new GridData<UserSummary> { Items = page.People, TotalItems = page.Total };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task ChangeRoleAsync(UserSummary user, string role)
    {
        var result = await Users.ChangeRoleAsync(user.Id, role, await CurrentActor.GetAsync(), CancellationToken.None);
        Snackbar.Add(result.Succeeded ? $"{user.Email} is now {role}." : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    /// <summary>A row's action happened; a new invite link for that person replaces the one shown.</summary>
    private async Task OnChangedAsync(Invitation? invitation)
    {
        _invitation = invitation ?? _invitation;
        await ReloadAsync();
    }

    private async Task OnAddedAsync(Invitation? invitation)
    {
        _invitation = invitation;
        await ReloadAsync();
    }
}
