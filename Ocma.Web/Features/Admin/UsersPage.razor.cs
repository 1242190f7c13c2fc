using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Ocma.Core;
using Ocma.Core.Identity;
using Ocma.Web.Components.Shared;
using Radzen;

namespace Ocma.Web.Features.Admin;

public partial class UsersPage
{
    private IReadOnlyList<UserSummary> _users = [];
    private string _email = "";
    private string _password = "";
    private string _role = Roles.Editor;
    private string? _myId;
    private UserSummary? _resetting;
    private string _newPassword = "";
    private string? _message;
    private bool _ok;
    private bool _byInvite = true;
    private Invitation? _invitation;
    private bool _copied;

    [Inject]
    private UserService Users { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private DialogService Dialogs { get; set; } = default!;

    [Inject]
    private InviteService Invites { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    private string InviteUrl => _invitation is null ? "" : Navigation.BaseUri.TrimEnd('/') + _invitation.Path;

    protected override async Task OnInitializedAsync()
    {
        _myId = (await CurrentActor.GetAsync()).UserId; // no Lock button on your own row: the service refuses it anyway
        await LoadAsync();
    }

    private async Task LoadAsync() => _users = await Users.ListAsync(CancellationToken.None);

    private async Task CreateAsync()
    {
        _invitation = null;
        if (_byInvite)
        {
            await InviteAsync();
            return;
        }

        var result = await Users.CreateAsync(_email, _password, _role, await CurrentActor.GetAsync(), CancellationToken.None);
        Show(result.Succeeded, result.Succeeded ? $"{result.Value.Email} can now sign in as {result.Value.Role}." : result.Error!);
        if (result.Succeeded)
        {
            _email = _password = "";
            await LoadAsync();
        }
    }

    private async Task InviteAsync()
    {
        var result = await Invites.InviteAsync(_email, _role, await CurrentActor.GetAsync(), CancellationToken.None);
        ShowInvitation(result, $"{_email.Trim()} is invited as {_role}. Copy the link below and pass it on.");
        if (result.Succeeded)
        {
            _email = "";
            await LoadAsync();
        }
    }

    private async Task ReissueAsync(UserSummary user)
    {
        var result = await Invites.ReissueAsync(user.Id, await CurrentActor.GetAsync(), CancellationToken.None);
        ShowInvitation(result, $"A new invite link for {user.Email}; the earlier links no longer work.");
    }

    private void ShowInvitation(Result<Invitation> result, string success)
    {
        Show(result.Succeeded, result.Succeeded ? success : result.Error!);
        _invitation = result.Succeeded ? result.Value : null;
        _copied = false;
    }

    private async Task CopyInviteAsync()
    {
        await Js.InvokeVoidAsync("navigator.clipboard.writeText", InviteUrl);
        _copied = true;
    }

    private async Task ChangeRoleAsync(UserSummary user, string role)
    {
        var result = await Users.ChangeRoleAsync(user.Id, role, await CurrentActor.GetAsync(), CancellationToken.None);
        Show(result.Succeeded, result.Succeeded ? $"{user.Email} is now {role}." : result.Error!);
        await LoadAsync();
    }

    private async Task LockAsync(UserSummary user)
    {
        var confirmed = await Dialogs.Confirm($"Lock {user.Email}? They cannot sign in until an Admin unlocks them, and open sessions end within a minute.", "Lock account",
            new ConfirmOptions { OkButtonText = "Lock", CancelButtonText = "Keep access" });
        if (confirmed != true)
        {
            return;
        }

        var result = await Users.LockAsync(user.Id, await CurrentActor.GetAsync(), CancellationToken.None);
        Show(result.Succeeded, result.Succeeded ? $"{user.Email} is locked." : result.Error!);
        await LoadAsync();
    }

    private async Task UnlockAsync(UserSummary user)
    {
        var confirmed = await Dialogs.Confirm($"Unlock {user.Email}? They can sign in again with their password.", "Unlock account",
            new ConfirmOptions { OkButtonText = "Unlock", CancelButtonText = "Keep locked" });
        if (confirmed != true)
        {
            return;
        }

        var result = await Users.UnlockAsync(user.Id, await CurrentActor.GetAsync(), CancellationToken.None);
        Show(result.Succeeded, result.Succeeded ? $"{user.Email} can sign in again." : result.Error!);
        await LoadAsync();
    }

    private void StartReset(UserSummary user)
    {
        _resetting = user;
        _newPassword = "";
        _message = null;
    }

    private async Task ResetAsync()
    {
        var user = _resetting!;
        var result = await Users.ResetPasswordAsync(user.Id, _newPassword, await CurrentActor.GetAsync(), CancellationToken.None);
        _newPassword = ""; // typed once by the Admin, never shown back
        Show(result.Succeeded, result.Succeeded ? $"{user.Email} has a new password; their old one no longer works. Pass the new one on privately." : result.Error!);
        if (result.Succeeded)
        {
            _resetting = null;
        }
    }

    private void Show(bool ok, string message) => (_ok, _message) = (ok, message);
}
