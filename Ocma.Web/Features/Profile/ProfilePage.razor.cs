using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Profile;

/// <summary>The signed-in person's own page: who they are, and their secret calendar address (make, replace, stop).</summary>
public sealed partial class ProfilePage
{
    private Actor? _actor;
    private string _zone = BrandService.DefaultTimeZone;
    private CalendarFeedStatus _status = new(false, null, null);
    private string? _address;

    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private CurrentBrand CurrentBrand { get; set; } = default!;
    [Inject] private CalendarFeedService Feeds { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private string StatusText => !_status.Active
        ? "You have no calendar address."
        : $"Your address works since {ZoneTime.Short(_status.CreatedUtc, _zone)} ({_zone}); "
          + (_status.LastFetchedUtc is null ? "no calendar has fetched it yet." : $"a calendar last fetched it {ZoneTime.Short(_status.LastFetchedUtc, _zone)}.");

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _zone = (await CurrentBrand.GetAsync()).TimeZoneId;
        _status = await Feeds.StatusAsync(_actor, CancellationToken.None);
    }

    private async Task IssueAsync()
    {
        if (_status.Active && !await Dialogs.ConfirmAsync("Make a new address", "The address you have now stops working at once; calendars subscribed to it stop updating.", "Make a new one", "Keep it"))
        {
            return;
        }

        var issued = await Feeds.IssueAsync(_actor!, new Uri(Navigation.BaseUri), CancellationToken.None);
        _address = issued.Succeeded ? issued.Value.ToString() : null;
        Snackbar.Add(issued.Succeeded ? "Your calendar address is ready: copy it now." : issued.Error!, issued.Succeeded ? Severity.Success : Severity.Error);
        _status = await Feeds.StatusAsync(_actor!, CancellationToken.None);
    }

    private async Task RevokeAsync()
    {
        if (!await Dialogs.ConfirmAsync("Stop the address", "Calendars subscribed to your address stop updating. You can make a new address later.", "Stop it", "Keep it"))
        {
            return;
        }

        await Feeds.RevokeAsync(_actor!, CancellationToken.None);
        _address = null;
        _status = await Feeds.StatusAsync(_actor!, CancellationToken.None);
        Snackbar.Add("Your calendar address no longer works.", Severity.Success);
    }

    private async Task CopyAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", _address);
            Snackbar.Add("Copied.", Severity.Info);
        }
        catch (JSException)
        {
            // The browser refused the clipboard (e.g. not a secure context); the address is on screen to copy by hand.
        }
    }
}
