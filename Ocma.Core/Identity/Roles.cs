namespace Ocma.Core.Identity;

/// <summary>The four roles and what each may do; pages and services check these.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Contributor = "Contributor";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Contributor, Viewer];

    /// <summary>May write posts (Contributors submit them for approval when the brand has approvals on).</summary>
    public const string Composers = $"{Admin},{Editor},{Contributor}";

    /// <summary>May publish, schedule, connect channels and approve posts.</summary>
    public const string Publishers = $"{Admin},{Editor}";

    public static string Describe(string role) => role switch
    {
        Admin => "Users, roles, secrets, channels, and everything an Editor does",
        Editor => "Compose, schedule, publish and connect channels; approve Contributors' posts",
        Contributor => "Compose posts and schedule them (submitted for approval when the brand has approvals on)",
        Viewer => "Read-only: dashboard, calendar, activity",
        _ => role,
    };
}
