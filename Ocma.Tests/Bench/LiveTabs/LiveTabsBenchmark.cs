using Ocma.Tests.Support;
using Xunit.Abstractions;

namespace Ocma.Tests.Bench.LiveTabs;

/// <summary>
/// Fifty open console tabs (real Chromium tabs, each a Blazor circuit) while 500 posts publish. Goals: publishing slowed
/// ≤ 10 % against no tabs; ≤ 1 MB of console memory per open tab, on Activity and on the dashboard. Memory is the console
/// process's resident set (it runs as its own process, as in production).
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(BenchmarkCollection.Name)]
public sealed class LiveTabsBenchmark(ITestOutputHelper output)
{
    private const int Tabs = 50;
    private static readonly IReadOnlyDictionary<string, string> AsConfigured = new Dictionary<string, string>();

    [Fact]
    public async Task LiveTabs_FiftyActivityTabsWhileFiveHundredPostsPublish()
    {
        var baseline = await LiveTabsRun.RunAsync(0, "/activity", AsConfigured, []);
        var figures = await LiveTabsRun.RunAsync(Tabs, "/activity", AsConfigured, [10, 60]);
        var perTab = figures.RssPerTabKb(Tabs);
        var met = figures.PublishSeconds <= baseline.PublishSeconds * 1.10 && perTab <= 1024;
        BenchmarkReport.Print(output, "live-tabs",
            ("tabs", Tabs), ("posts", LiveTabsData.Posts), ("publish_seconds", figures.PublishSeconds), ("baseline_publish_seconds", baseline.PublishSeconds),
            ("rss_per_tab_kb", perTab), ("last_update_lag_ms", figures.LastUpdateLagMs), ("rss_scope", "console-process"), ("goal", met ? "met" : "short"));
        PrintCircuits("activity", figures);
    }

    [Fact]
    public async Task Circuits_FiftyDashboardTabsWhileFiveHundredPostsPublish()
    {
        PrintCircuits("dashboard", await LiveTabsRun.RunAsync(Tabs, "/", AsConfigured, [10, 60]));
    }

    /// <summary>The garbage collector the console runs with, chosen on these figures (ADR 0022): memory after the tabs close, and publishing speed.</summary>
    [Theory]
    [InlineData("server")]
    [InlineData("workstation")]
    [InlineData("workstation-conserve")]
    public async Task GcMode_MemoryAfterFiftyTabsClose(string mode)
    {
        var environment = mode switch
        {
            "server" => new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" },
            "workstation" => new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" },
            _ => new Dictionary<string, string> { ["DOTNET_gcServer"] = "0", ["DOTNET_GCConserveMemory"] = "5" },
        };
        var figures = await LiveTabsRun.RunAsync(Tabs, "/activity", environment, [10, 60, 120, 200]);
        var settled = figures.AfterClose[^1].RssMb;
        BenchmarkReport.Print(output, "gc-mode",
            ("mode", mode), ("tabs", Tabs), ("publish_seconds", figures.PublishSeconds), ("rss_before_mb", figures.RssBeforeTabsMb), ("rss_open_mb", figures.RssTabsOpenMb),
            ("rss_per_tab_kb", figures.RssPerTabKb(Tabs)), ("rss_after_publish_mb", figures.RssAfterPublishMb),
            ("rss_after_close_mb", string.Join('/', figures.AfterClose.Select(s => $"{s.Seconds}s:{s.RssMb:0}"))), ("rss_scope", "console-process"),
            ("goal", settled <= figures.RssBeforeTabsMb * 1.25 ? "met" : "short"));
    }

    private void PrintCircuits(string page, LiveTabsFigures figures)
    {
        var perTab = figures.RssPerTabKb(Tabs);
        BenchmarkReport.Print(output, "circuits",
            ("tabs", Tabs), ("page", page), ("rss_per_tab_kb", perTab), ("rss_before_mb", figures.RssBeforeTabsMb), ("rss_open_mb", figures.RssTabsOpenMb),
            ("rss_after_publish_mb", figures.RssAfterPublishMb),
            ("rss_after_close_mb", string.Join('/', figures.AfterClose.Select(s => $"{s.Seconds}s:{s.RssMb:0}"))), ("rss_scope", "console-process"),
            ("goal", perTab <= 1024 ? "met" : "short"));
    }
}
