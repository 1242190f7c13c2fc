using Ocma.Core.Channels;
using Ocma.Tests.Support;
using Ocma.Web.Features.Channels;

namespace Ocma.Tests.Web.Components;

public sealed class ChannelHealthLineTests
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
    public async Task Render_ActiveChannelHealthyLastTime_SaysHealthyInGreen()
    {
        var line = await RenderAsync(active: true);

        Assert.Contains("ok", line.ClassList);
        Assert.StartsWith("Healthy · 120 ms · checked", line.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ChannelThatNeedsReconnecting_NeverSaysHealthy()
    {
        var line = await RenderAsync(active: false);

        Assert.DoesNotContain("ok", line.ClassList);
        Assert.DoesNotContain("Healthy", line.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Rate-limit", line.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not checked until the channel is reconnected.", line.TextContent.Trim());
    }

    private static async Task<AngleSharp.Dom.IElement> RenderAsync(bool active)
    {
        var html = await ComponentRenderer.RenderAsync<ChannelHealthLine>(new Dictionary<string, object?> { ["Health"] = HealthyProbe, ["Active"] = active, ["Zone"] = "UTC" });
        return html.QuerySelector("[data-testid=channel-health]")!;
    }
}
