using Microsoft.AspNetCore.Components;
using Ocma.Core.Approvals;
using Ocma.Core.Brands;
using Ocma.Web.Components.Shared;
using MudBlazor;

namespace Ocma.Web.Features.Admin;

public sealed partial class BrandsPage
{
    private IReadOnlyList<Brand> _brands = [];
    private readonly Dictionary<int, string> _names = [];
    private readonly Dictionary<int, string> _zones = [];
    private int _currentId;
    private string _newName = "";
    private string _newZone = BrandService.DefaultTimeZone;
    private MudForm? _newForm;

    [Inject] private BrandService Brands { get; set; } = default!;
    [Inject] private BrandAdminService BrandAdmin { get; set; } = default!;
    [Inject] private CurrentBrand CurrentBrand { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ApprovalPolicyService ApprovalPolicy { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _brands = await Brands.ListAsync(CancellationToken.None);
        _currentId = (await CurrentBrand.GetAsync()).Id;
        foreach (var brand in _brands)
        {
            _names[brand.Id] = brand.Name;
            _zones[brand.Id] = brand.TimeZoneId;
        }
    }

    private async Task CreateAsync()
    {
        await _newForm!.ValidateAsync();
        if (!_newForm.IsValid)
        {
            return;
        }

        var result = await BrandAdmin.CreateAsync(_newName, _newZone, await CurrentActor.GetAsync(), CancellationToken.None);
        Tell(result.Succeeded, result.Succeeded ? $"Added '{result.Value.Name}' ({result.Value.TimeZoneId}). Switch to it in the top bar to connect its channels." : result.Error!);
        if (result.Succeeded)
        {
            _newName = "";
            await _newForm.ResetValidationAsync();
        }

        await LoadAsync();
    }

    private async Task DeleteAsync(Brand brand)
    {
        if (!await Dialogs.ConfirmAsync("Delete brand", $"Delete {brand.Name}? Its brand voice settings go with it. This cannot be undone.", "Delete", "Keep it"))
        {
            return;
        }

        var result = await BrandAdmin.DeleteAsync(brand.Id, await CurrentActor.GetAsync(), CancellationToken.None);
        Tell(result.Succeeded, result.Succeeded ? $"Deleted '{result.Value.Name}'." : result.Error!);
        await LoadAsync();
    }

    private async Task SetApprovalsAsync(Brand brand, bool on)
    {
        var result = await ApprovalPolicy.SetAsync(brand.Id, on, await CurrentActor.GetAsync(), CancellationToken.None);
        Tell(result.Succeeded, !result.Succeeded ? result.Error! : on
            ? $"Approvals are on for {brand.Name}: Contributors' posts now wait on the Approvals page."
            : $"Approvals are off for {brand.Name}: Contributors' posts go out without review. Posts already waiting still need a decision.");
        await LoadAsync();
    }

    private async Task SaveAsync(Brand brand)
    {
        var result = await Brands.UpdateAsync(brand.Id, _names[brand.Id], _zones[brand.Id], await CurrentActor.GetAsync(), CancellationToken.None);
        Tell(result.Succeeded, result.Succeeded ? $"Saved. {result.Value.Name}'s times are now shown in {result.Value.TimeZoneId}." : result.Error!);
        await LoadAsync();
    }

    private void Tell(bool ok, string message) => Snackbar.Add(message, ok ? Severity.Success : Severity.Error);
}
