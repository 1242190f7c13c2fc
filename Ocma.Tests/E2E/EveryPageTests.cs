using Microsoft.Playwright;
using Ocma.Core.Brands;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;
using Ocma.Web.Components.Layout;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>
/// Every page of the console, as an Admin sees it, at a laptop size and at phone width: it loads with its title, shows no
/// error, and never makes the whole page scroll sideways. A screenshot of each is saved for review.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private string _baseUrl = "";
    private int _postId;

    public async Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        var admin = await TestUsers.CreateAdminAsync(_app);
        var channel = await SandboxChannels.ConnectAsync(_app, admin);
        var brand = await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var post = await _app.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(brand.Id, "A post so every page has something to show, with a #hashtag and https://example.com", [channel.Id], ComposeMode.PublishNow, null),
            admin,
            CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        _postId = post.Value.Id;
        await Eventually.MatchesAsync(
            () => _app.Get<SandboxPlatform>().FeedAsync(10, CancellationToken.None),
            feed => feed.Count == 1,
            TimeSpan.FromSeconds(20),
            "the first post to publish");

        // A refused post, so "Needs attention" lays out a group with its actions rather than an empty page.
        await _app.Get<SandboxPlatform>().SetSwitchAsync(SandboxFailureMode.Rejected, 1, CancellationToken.None);
        var refused = await _app.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(brand.Id, "A post the platform refuses, so one page has something to fix", [channel.Id], ComposeMode.PublishNow, null),
            admin,
            CancellationToken.None);
        Assert.True(refused.Succeeded, refused.Error);
        await Eventually.MatchesAsync(
            () => _app.Get<DeadLetterService>().ListAsync(brand.Id, CancellationToken.None),
            groups => groups.Count > 0,
            TimeSpan.FromSeconds(20),
            "the refused post to need attention");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("desktop", 1280, 720, false)]
    [InlineData("phone", 390, 844, false)]
    [InlineData("dark", 1280, 720, true)]
    public async Task EveryPage_LoadsWithItsTitle_FitsTheScreenWidth_AndItsTextIsReadable(string name, int width, int height, bool dark)
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        if (dark)
        {
            await context.AddCookiesAsync([new Cookie { Name = ThemeCookie.Name, Value = ThemeCookie.Dark, Url = _baseUrl }]);
        }

        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await Browser.SignInAsync(page, _baseUrl);

        var problems = new List<string>();
        foreach (var (path, title) in Pages())
        {
            await page.GotoAsync(_baseUrl + path);
            await Browser.WaitUntilInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            await SettledAsync(page);
            var (overflow, culprits) = await PageChecks.SidewaysOverflowAsync(page);
            if (overflow > 1)
            {
                problems.Add($"{path} is {overflow}px wider than the {width}px screen: {string.Join(" | ", culprits)}");
            }

            // The top bar clips rather than scrolls, so check its controls are all on screen.
            var offScreen = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.app-bar button, .app-bar a')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.textContent.trim() || e.title)");
            problems.AddRange(offScreen.Select(control => $"{path}: the top bar's '{control}' is off the {width}px screen"));
            problems.AddRange((await PageChecks.UnreadableTextAsync(page)).Select(text => $"{path}: hard to read in {name}: {text}"));

            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"page-{name}-{title.ToLowerInvariant().Replace(' ', '-')}"), FullPage = true });
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task DarkMode_SwitchesInPlace_IsRememberedOnTheNextPage_AndThePageNeverLosesItsStyles()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);
        await Browser.WaitUntilInteractiveAsync(page);
        var layout = page.Locator("[data-theme]").First;
        await Expect(layout).ToHaveAttributeAsync("data-theme", "light");
        Assert.True(await BackgroundLuminanceAsync(page) > 0.8, "the light theme has a light page");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();

        await Expect(layout).ToHaveAttributeAsync("data-theme", "dark");
        Assert.True(await BackgroundLuminanceAsync(page) < 0.25, "the dark theme has a dark page");
        Assert.Equal(0, navigations);

        // The next page comes up dark straight away (the server reads the cookie), styled the whole time it goes live.
        await page.GotoAsync(_baseUrl + "/calendar", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var wrongMoments = 0;
        for (var sample = 0; sample < 20; sample++)
        {
            wrongMoments += await page.EvaluateAsync<bool>(UnstyledOrLightScript) ? 1 : 0;
            await Task.Delay(50);
        }

        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(layout).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Equal(0, wrongMoments);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("page-desktop-calendar-dark"), FullPage = true });

        // Back to light, remembered the same way.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).ClickAsync();
        await Expect(layout).ToHaveAttributeAsync("data-theme", "light");
        await page.ReloadAsync();
        await Expect(layout).ToHaveAttributeAsync("data-theme", "light");
    }

    /// <summary>True while the page's stylesheets are not in yet, or its background is not dark.</summary>
    private const string UnstyledOrLightScript = """
        () => {
          const sheet = document.querySelector("link[rel=stylesheet][href*='MudBlazor']");
          if (!sheet || !sheet.sheet || !document.querySelector('[data-theme]')) return true;
          const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
          return (r + g + b) / 3 > 80;
        }
        """;

    private static Task<double> BackgroundLuminanceAsync(IPage page) => page.EvaluateAsync<double>(
        "() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; }");

    /// <summary>
    /// Waits until the lists have loaded their first page (no progress bar left), the fonts are in, and the transitions that
    /// follow the live connection taking over (the drawer folding away on a phone) have finished, so the page is measured
    /// as the user sees it at rest.
    /// </summary>
    private static async Task SettledAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await page.EvaluateAsync(
            "() => document.fonts.ready.then(() => Promise.all(document.getAnimations()" +
            ".filter(a => Number.isFinite(a.effect?.getComputedTiming().endTime))" +
            ".map(a => a.finished.catch(() => null))))");
    }

    private IEnumerable<(string Path, string Title)> Pages() => ConsolePages(_postId);

    /// <summary>Every page of the console with the heading it shows; <paramref name="postId"/> is a post to open.</summary>
    internal static IEnumerable<(string Path, string Title)> ConsolePages(int postId) =>
    [
        ("/", "Dashboard"),
        ("/compose", "Compose"),
        ("/calendar", "Calendar"),
        ("/media", "Media"),
        ("/channels", "Channels"),
        ("/activity", "Activity"),
        ("/approvals", "Approvals"),
        ($"/posts/{postId}", "Post"),
        ("/dead-letters", "Needs attention"),
        ("/sandbox", "Sandbox feed"),
        ("/import", "Import posts"),
        ("/admin/users", "Users"),
        ("/admin/brands", "Brands"),
        ("/admin/secrets", "Secrets"),
        ("/admin/audit", "Audit log"),
        ("/admin/system", "System"),
        ("/admin/ai-usage", "AI usage"),
        ("/profile", "Your profile"),
    ];
}
