using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Secrets;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Admin;

public partial class SecretsPage
{
    private IReadOnlyList<SecretSummary> _secrets = [];
    private string _zone = BrandService.DefaultTimeZone;
    private MudForm? _form;
    private string? _name;
    private string? _value;

    [Inject]
    private SecretAdminService Secrets { get; set; } = default!;

    [Inject]
    private CurrentBrand CurrentBrand { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _zone = (await CurrentBrand.GetAsync()).TimeZoneId;
        await LoadAsync(await CurrentActor.GetAsync());
    }

    private static Task<IEnumerable<string>> SearchNamesAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(SecretNames.Known.Where(n => string.IsNullOrWhiteSpace(text) || n.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private async Task LoadAsync(Actor actor)
    {
        var list = await Secrets.ListAsync(actor, CancellationToken.None);
        _secrets = list.Succeeded ? list.Value : [];
        if (!list.Succeeded)
        {
            Snackbar.Add(list.Error!, Severity.Error);
        }
    }

    private void StartReplace(SecretSummary secret)
    {
        _name = secret.Name;
        _value = "";
        Snackbar.Add($"Type the new value for {secret.Name} and save. The old value stops being used at once.", Severity.Info);
    }

    private async Task SaveAsync()
    {
        await _form!.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        var actor = await CurrentActor.GetAsync();
        var result = await Secrets.SetAsync(_name ?? "", _value ?? "", actor, CancellationToken.None);
        _value = ""; // never keep or echo a value, saved or not
        await _form.ResetValidationAsync();
        Snackbar.Add(result.Succeeded
            ? $"{(result.Value.Replaced ? "Replaced" : "Saved")} {result.Value.Name}.{(result.Value.Hint.Length > 0 ? $" It ends in {result.Value.Hint}." : "")}"
            : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync(actor);
    }

    private async Task RemoveAsync(SecretSummary secret)
    {
        if (!await Dialogs.ConfirmAsync("Remove secret", $"Remove {secret.Name}? Anything that uses it stops working until it is set again.", "Remove", "Keep it"))
        {
            return;
        }

        var actor = await CurrentActor.GetAsync();
        var result = await Secrets.RemoveAsync(secret.Name, actor, CancellationToken.None);
        Snackbar.Add(result.Succeeded ? $"Removed {secret.Name}." : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync(actor);
    }
}
