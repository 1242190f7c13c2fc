using Microsoft.AspNetCore.Components;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Secrets;
using Ocma.Web.Components.Shared;
using Radzen;

namespace Ocma.Web.Features.Admin;

public partial class SecretsPage
{
    private static readonly Dictionary<string, object> NameInputAttributes = new() { ["autocomplete"] = "off", ["spellcheck"] = "false" };
    private IReadOnlyList<SecretSummary> _secrets = [];
    private string _zone = BrandService.DefaultTimeZone;
    private string _name = "";
    private string _value = "";
    private string? _message;
    private bool _ok;

    [Inject]
    private SecretAdminService Secrets { get; set; } = default!;

    [Inject]
    private CurrentBrand CurrentBrand { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _zone = (await CurrentBrand.GetAsync()).TimeZoneId;
        await LoadAsync(await CurrentActor.GetAsync());
    }

    private async Task LoadAsync(Actor actor)
    {
        var list = await Secrets.ListAsync(actor, CancellationToken.None);
        _secrets = list.Succeeded ? list.Value : [];
        if (!list.Succeeded)
        {
            (_ok, _message) = (false, list.Error);
        }
    }

    private void StartReplace(SecretSummary secret)
    {
        _name = secret.Name;
        _value = "";
        (_ok, _message) = (true, $"Type the new value for {secret.Name} and save. The old value stops being used at once.");
    }

    private async Task SaveAsync()
    {
        var actor = await CurrentActor.GetAsync();
        var result = await Secrets.SetAsync(_name, _value, actor, CancellationToken.None);
        _value = ""; // never keep or echo a value, saved or not
        (_ok, _message) = result.Succeeded
            ? (true, $"{(result.Value.Replaced ? "Replaced" : "Saved")} {result.Value.Name}.{(result.Value.Hint.Length > 0 ? $" It ends in {result.Value.Hint}." : "")}")
            : (false, result.Error);
        await LoadAsync(actor);
    }

    private async Task RemoveAsync(SecretSummary secret)
    {
        var confirmed = await Dialogs.Confirm($"Remove {secret.Name}? Anything that uses it stops working until it is set again.", "Remove secret",
            new ConfirmOptions { OkButtonText = "Remove", CancelButtonText = "Keep it" });
        if (confirmed != true)
        {
            return;
        }

        var actor = await CurrentActor.GetAsync();
        var result = await Secrets.RemoveAsync(secret.Name, actor, CancellationToken.None);
        (_ok, _message) = result.Succeeded ? (true, $"Removed {secret.Name}.") : (false, result.Error);
        await LoadAsync(actor);
    }
}
