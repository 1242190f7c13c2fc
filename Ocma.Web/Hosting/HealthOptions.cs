namespace Ocma.Web.Hosting;

/// <summary>Who may read the detailed readiness report at <c>/healthz/ready</c>.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>The header a monitor sends its token in.</summary>
    public const string TokenHeader = "X-Health-Token";

    /// <summary>
    /// A monitor that sends this value in <see cref="TokenHeader"/> gets the checks' details, as does a signed-in Admin.
    /// Everyone else gets the status code and the overall status only. Empty: only Admins see details.
    /// </summary>
    public string? ReadyToken { get; set; }
}
