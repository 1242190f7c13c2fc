using Ocma.Core.Identity;

namespace Ocma.Web.Components.Layout;

/// <summary>The console's navigation and which roles see each entry (the pages check the same roles).</summary>
public static class NavItems
{
    public static readonly IReadOnlyList<NavItem> All =
    [
        new("Dashboard", "/", "dashboard", null),
        new("Compose", "/compose", "edit_note", Roles.Composers),
        new(ApprovalsText, "/approvals", "fact_check", Roles.Publishers),
        new("Calendar", "/calendar", "calendar_month", null),
        new("Media", "/media", "photo_library", null),
        new("Channels", "/channels", "hub", null),
        new("Activity", "/activity", "timeline", null),
        new("Needs attention", "/dead-letters", "report", null),
        new("Sandbox feed", "/sandbox", "science", null),
        new("Admin", "/admin/users", "admin_panel_settings", Roles.Admin),
    ];

    public const string ApprovalsText = "Approvals";

    public static IReadOnlyList<NavItem> For(Func<string, bool> isInRole) =>
        All.Where(item => item.Roles is null || item.Roles.Split(',').Any(isInRole)).ToList();
}

/// <param name="Roles">Comma-separated roles that see the entry; null for every signed-in person.</param>
public sealed record NavItem(string Text, string Path, string Icon, string? Roles);
