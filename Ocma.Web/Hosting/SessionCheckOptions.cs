using System.ComponentModel.DataAnnotations;

namespace Ocma.Web.Hosting;

/// <summary>How quickly a lock, role change, password reset or removal reaches pages that are already open.</summary>
public sealed class SessionCheckOptions
{
    public const string SectionName = "Sessions";

    /// <summary>
    /// How often an open page checks its sign-in against the database, and how old a sign-in cookie may get before a
    /// request checks it again. Whatever changes data checks the database on every call regardless.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open page shows why the sign-in ended before it reloads to the sign-in page.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan NoticeBeforeReload { get; set; } = TimeSpan.FromSeconds(8);
}
