using Bunit;
using Ocma.Core.Publishing;
using Ocma.Tests.Support;
using Ocma.Web.Features.Channels;

namespace Ocma.Tests.Web.Components;

public sealed class PlatformDegradedLineTests : ComponentTest
{
    [Fact]
    public void Render_DegradedPlatform_SaysDegradedWithTheErrorAndTheTime()
    {
        var status = new PlatformStatus("sandbox", new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc), "The practice platform is down for maintenance.");

        var line = Render<PlatformDegradedLine>(p => p.Add(c => c.Status, status).Add(c => c.Zone, "UTC")).Find("[data-testid=platform-degraded]");

        Assert.StartsWith("Degraded: The practice platform is down for maintenance.", line.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("09:30", line.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HealthyPlatform_ShowsNothing()
    {
        var cut = Render<PlatformDegradedLine>(p => p.Add(c => c.Status, new PlatformStatus("sandbox", null, null)).Add(c => c.Zone, "UTC"));

        Assert.Empty(cut.FindAll("[data-testid=platform-degraded]"));
    }
}
