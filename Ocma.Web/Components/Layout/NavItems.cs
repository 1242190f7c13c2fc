using MudBlazor;
using Ocma.Core.Identity;

namespace Ocma.Web.Components.Layout;

/// <summary>The console's navigation and which roles see each entry (the pages check the same roles).</summary>
public static class NavItems
{
    public static readonly IReadOnlyList<NavItem> All =
    [
        new("Dashboard", "/", Icons.Material.Filled.Dashboard, null),
        new("Compose", "/compose", Icons.Material.Filled.EditNote, Roles.Composers),
        new(ApprovalsText, "/approvals", Icons.Material.Filled.FactCheck, Roles.Publishers),
        new("Calendar", "/calendar", Icons.Material.Filled.CalendarMonth, null),
        new("Media", "/media", Icons.Material.Filled.PhotoLibrary, null),
        new("Channels", "/channels", Icons.Material.Filled.Hub, null),
        new("Activity", "/activity", Icons.Material.Filled.Timeline, null),
        new("Needs attention", "/dead-letters", Icons.Material.Filled.Report, null),
        new("Sandbox feed", "/sandbox", Icons.Material.Filled.Science, null),
        new("Admin", "/admin/users", Icons.Material.Filled.AdminPanelSettings, Roles.Admin),
    ];

    public const string ApprovalsText = "Approvals";

    public static IReadOnlyList<NavItem> For(Func<string, bool> isInRole) =>
        All.Where(item => item.Roles is null || item.Roles.Split(',').Any(isInRole)).ToList();
}

/// <param name="Roles">Comma-separated roles that see the entry; null for every signed-in person.</param>
/// <param name="Icon">A MudBlazor icon (SVG path data).</param>
public sealed record NavItem(string Text, string Path, string Icon, string? Roles);
