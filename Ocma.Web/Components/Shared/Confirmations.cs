using MudBlazor;

namespace Ocma.Web.Components.Shared;

/// <summary>The one way the console asks "are you sure?": a MudBlazor message box with the action named on its button.</summary>
public static class Confirmations
{
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yes, string no) =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: no) == true;
}
