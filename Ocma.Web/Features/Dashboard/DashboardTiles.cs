using Ocma.Core.Posts;

namespace Ocma.Web.Features.Dashboard;

/// <summary>The dashboard's four count tiles and which states each adds up.</summary>
public static class DashboardTiles
{
    public static readonly IReadOnlyList<DashboardTile> All =
    [
        new("Scheduled", [TargetState.Scheduled], "primary"),
        new("Publishing or retrying", [TargetState.Publishing, TargetState.Retrying], "info"),
        new("Published", [TargetState.Published], "success"),
        new("Need attention or failed", [TargetState.NeedsAttention, TargetState.Failed], "danger"),
    ];
}

public sealed record DashboardTile(string Label, TargetState[] States, string Style);
