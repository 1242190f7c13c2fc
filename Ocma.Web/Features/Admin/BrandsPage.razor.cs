using Microsoft.AspNetCore.Components;
using Ocma.Core.Approvals;
using Ocma.Core.Brands;
using Ocma.Web.Components.Shared;
using Radzen;

namespace Ocma.Web.Features.Admin;

public sealed partial class BrandsPage
{
    private static readonly IReadOnlyList<string> ZoneIds = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC").Order().ToList();
    private IReadOnlyList<Brand> _brands = [];
    private readonly Dictionary<int, string> _names = [];
    private readonly Dictionary<int, string> _zones = [];
    private int _currentId;
    private string _newName = "";
    private string _newZone = BrandService.DefaultTimeZone;
    private string? _message;
    private bool _ok;

    [Inject] private BrandService Brands { get; set; } = default!;
    [Inject] private BrandAdminService BrandAdmin { get; set; } = default!;
    [Inject] private CurrentBrand CurrentBrand { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ApprovalPolicyService ApprovalPolicy { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;

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
        var result = await BrandAdmin.CreateAsync(_newName, _newZone, await CurrentActor.GetAsync(), CancellationToken.None);
        (_ok, _message) = result.Succeeded
            ? (true, $"Added '{result.Value.Name}' ({result.Value.TimeZoneId}). Switch to it in the top bar to connect its channels.")
            : (false, result.Error!);
        if (result.Succeeded)
        {
            _newName = "";
        }

        await LoadAsync();
    }

    private async Task DeleteAsync(Brand brand)
    {
        var confirmed = await Dialogs.Confirm($"Delete {brand.Name}? Its brand voice settings go with it. This cannot be undone.", "Delete brand",
            new ConfirmOptions { OkButtonText = "Delete", CancelButtonText = "Keep it" });
        if (confirmed != true)
        {
            return;
        }

        var result = await BrandAdmin.DeleteAsync(brand.Id, await CurrentActor.GetAsync(), CancellationToken.None);
        (_ok, _message) = result.Succeeded ? (true, $"Deleted '{result.Value.Name}'.") : (false, result.Error!);
        await LoadAsync();
    }

    private async Task SetApprovalsAsync(Brand brand, bool on)
    {
        var result = await ApprovalPolicy.SetAsync(brand.Id, on, await CurrentActor.GetAsync(), CancellationToken.None);
        (_ok, _message) = result.Succeeded
            ? (true, on ? $"Approvals are on for {brand.Name}: Contributors' posts now wait on the Approvals page." : $"Approvals are off for {brand.Name}: Contributors' posts go out without review. Posts already waiting still need a decision.")
            : (false, result.Error!);
        await LoadAsync();
    }

    private async Task SaveAsync(Brand brand)
    {
        var result = await Brands.UpdateAsync(brand.Id, _names[brand.Id], _zones[brand.Id], await CurrentActor.GetAsync(), CancellationToken.None);
        (_ok, _message) = result.Succeeded ? (true, $"Saved. {result.Value.Name}'s times are now shown in {result.Value.TimeZoneId}.") : (false, result.Error!);
        await LoadAsync();
    }
}
