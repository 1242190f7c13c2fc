using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ocma.Tests.Support;

namespace Ocma.Tests.Bench.LiveTabs;

/// <summary>What one run measured. Memory is the console process's resident set (VmRSS), in MiB.</summary>
internal sealed record LiveTabsFigures(
    double PublishSeconds,
    double RssBeforeTabsMb,
    double RssTabsOpenMb,
    double RssAfterPublishMb,
    double LastUpdateLagMs,
    IReadOnlyList<(int Seconds, double RssMb)> AfterClose)
{
    public double RssPerTabKb(int tabs) => tabs == 0 ? 0 : (RssTabsOpenMb - RssBeforeTabsMb) * 1024 / tabs;
}

/// <summary>
/// Runs the console as its own process on a prepared installation, opens <c>tabs</c> real Chromium tabs (each a Blazor
/// circuit) on one page, publishes the 500 posts and watches the tabs take the changes, then closes them and follows memory.
/// </summary>
internal static partial class LiveTabsRun
{
    // Each tab notes (Unix ms) when every status badge it shows first reads Published.
    private const string WatchBadges = """
        () => { window.__allPublishedAt = 0;
          const check = () => { const all = document.querySelectorAll('.state-badge');
            if (!window.__allPublishedAt && all.length > 0 && document.querySelectorAll('.state-badge:not([data-state=Published])').length === 0) window.__allPublishedAt = Date.now(); };
          new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true }); }
        """;

    public static async Task<LiveTabsFigures> RunAsync(int tabs, string path, IReadOnlyDictionary<string, string> environment, IReadOnlyList<int> closeSampleSeconds)
    {
        var dataDirectory = await LiveTabsData.PrepareAsync();
        await using var console = await AppProcess.StartAsync(dataDirectory, environment);
        var browser = new Browser();
        await browser.InitializeAsync();
        try
        {
            var context = await browser.Instance.NewContextAsync();
            var first = await context.NewPageAsync();
            await Browser.SignInAsync(first, console.BaseUrl);
            await first.GotoAsync(console.BaseUrl + path); // warm: the page's code paths have run once
            await Browser.WaitUntilInteractiveAsync(first);
            await first.CloseAsync();
            await Task.Delay(TimeSpan.FromSeconds(5));
            var before = console.ResidentMegabytes();

            var pages = new List<IPage>();
            for (var i = 0; i < tabs; i++)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(console.BaseUrl + path);
                await Browser.WaitUntilInteractiveAsync(page);
                await page.EvaluateAsync(WatchBadges);
                pages.Add(page);
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var open = console.ResidentMegabytes();

            await LiveTabsData.MakeDueNowAsync(dataDirectory);
            await Eventually.MatchesAsync(() => LiveTabsData.PublishedAsync(dataDirectory), n => n == LiveTabsData.Posts, TimeSpan.FromMinutes(5), "the 500 posts to publish");
            var lag = await LastUpdateLagAsync(dataDirectory, pages);
            var afterPublish = console.ResidentMegabytes();
            var publishSeconds = await LiveTabsData.PublishSecondsAsync(dataDirectory);

            await context.CloseAsync();
            var closed = Stopwatch.StartNew();
            var samples = new List<(int, double)>();
            foreach (var second in closeSampleSeconds)
            {
                var wait = TimeSpan.FromSeconds(second) - closed.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                samples.Add((second, console.ResidentMegabytes()));
            }

            return new LiveTabsFigures(publishSeconds, before, open, afterPublish, lag, samples);
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    /// <summary>Longest wait, over the tabs, between the console recording the last change of a row in view and the tab showing it.</summary>
    private static async Task<double> LastUpdateLagAsync(string dataDirectory, IReadOnlyList<IPage> pages)
    {
        if (pages.Count == 0)
        {
            return 0;
        }

        var shown = new List<long>();
        foreach (var page in pages)
        {
            await Assertions.Expect(page.Locator(".state-badge:not([data-state=Published])")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
            shown.Add(await page.EvaluateAsync<long>("() => window.__allPublishedAt"));
        }

        var hrefs = await pages[0].Locator("a.post-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var postIds = hrefs.Select(h => int.Parse(PostId().Match(h).Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (postIds.Count == 0)
        {
            return 0; // a page without rows (the dashboard) has no row to time
        }

        var changed = await LiveTabsData.LastChangeUnixMsAsync(dataDirectory, postIds);
        return shown.Max() - changed;
    }

    [GeneratedRegex("[0-9]+$")]
    private static partial Regex PostId();
}
