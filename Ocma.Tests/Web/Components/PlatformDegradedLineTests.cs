using Ocma.Core.Publishing;
using Ocma.Web.Features.Channels;

namespace Ocma.Tests.Web.Components;

public sealed class PlatformDegradedLineTests
{
    [Fact]
    public async Task Render_DegradedPlatform_SaysDegradedWithTheErrorAndTheTime()
    {
        var status = new PlatformStatus("sandbox", new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc), "The practice platform is down for maintenance.");

        var html = await ComponentRenderer.RenderAsync<PlatformDegradedLine>(new Dictionary<string, object?> { ["Status"] = status, ["Zone"] = "UTC" });

        var line = html.QuerySelector("[data-testid=platform-degraded]");
        Assert.NotNull(line);
        Assert.StartsWith("Degraded: The practice platform is down for maintenance.", line!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("09:30", line.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_HealthyPlatform_ShowsNothing()
    {
        var html = await ComponentRenderer.RenderAsync<PlatformDegradedLine>(new Dictionary<string, object?> { ["Status"] = new PlatformStatus("sandbox", null, null), ["Zone"] = "UTC" });

        Assert.Null(html.QuerySelector("[data-testid=platform-degraded]"));
    }
}
