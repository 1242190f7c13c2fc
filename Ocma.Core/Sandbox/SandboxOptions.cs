using System.ComponentModel.DataAnnotations;

namespace Ocma.Core.Sandbox;

/// <summary>The built-in practice platform. On by default so a new team can try everything with no credentials.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public bool Enabled { get; set; } = true;

    /// <summary>Most characters in one post, counted as graphemes.</summary>
    [Range(10, 100_000)]
    public int TextLimit { get; set; } = 500;

    /// <summary>How long an access token lives before it must be refreshed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an authorization code may wait to be exchanged.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(2);
}
