using Bunit;
using Ocma.Core.Channels;
using Ocma.Tests.Support;
using Ocma.Web.Features.Channels;

namespace Ocma.Tests.Web.Components;

public sealed class ChannelHealthLineTests : ComponentTest
{
    private static readonly ChannelHealth HealthyProbe = new()
    {
        ChannelId = 1,
        Healthy = true,
        CheckedUtc = TestClock.Utc(2026, 11, 23, 19, 29),
        LastSuccessUtc = TestClock.Utc(2026, 11, 23, 19, 29),
        LatencyMs = 120,
        RateLimitRemaining = 2999,
    };

    [Fact]
    public void Render_ActiveChannelHealthyLastTime_SaysHealthyInGreen()
    {
        var line = RenderLine(active: true);

        Assert.Contains("ok", line.ClassList);
        Assert.StartsWith("Healthy · 120 ms · checked", line.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChannelThatNeedsReconnecting_NeverSaysHealthy()
    {
        var line = RenderLine(active: false);

        Assert.DoesNotContain("ok", line.ClassList);
        Assert.DoesNotContain("Healthy", line.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Rate-limit", line.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not checked until the channel is reconnected.", line.TextContent.Trim());
    }

    private AngleSharp.Dom.IElement RenderLine(bool active) =>
        Render<ChannelHealthLine>(p => p.Add(c => c.Health, HealthyProbe).Add(c => c.Active, active).Add(c => c.Zone, "UTC")).Find("[data-testid=channel-health]");
}
