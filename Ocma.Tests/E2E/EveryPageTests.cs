using Microsoft.Playwright;
using Ocma.Core.Brands;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
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
        var brand = await _app.Get<BrandService>().GetCurrentAsync(CancellationToken.None);
        var post = await _app.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(brand.Id, "A post so every page has something to show, with a #hashtag and https://example.com", [channel.Id], ComposeMode.PublishNow, null),
            admin,
            CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        _postId = post.Value.Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("desktop", 1280, 720)]
    [InlineData("phone", 390, 844)]
    public async Task EveryPage_LoadsWithItsTitleAndFitsTheScreenWidth(string name, int width, int height)
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
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
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 1)
            {
                problems.Add($"{path} is {overflow}px wider than the {width}px screen");
            }

            // The top bar clips rather than scrolls, so check its controls are all on screen.
            var offScreen = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.app-bar button, .app-bar a')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.textContent.trim() || e.title)");
            problems.AddRange(offScreen.Select(control => $"{path}: the top bar's '{control}' is off the {width}px screen"));

            await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath($"page-{name}-{title.ToLowerInvariant().Replace(' ', '-')}"), FullPage = true });
        }

        Assert.Empty(problems);
        Assert.Empty(errors);
    }

    private IEnumerable<(string Path, string Title)> Pages() =>
    [
        ("/", "Dashboard"),
        ("/compose", "Compose"),
        ("/calendar", "Calendar"),
        ("/media", "Media"),
        ("/channels", "Channels"),
        ("/activity", "Activity"),
        ("/approvals", "Approvals"),
        ($"/posts/{_postId}", "Post"),
        ("/dead-letters", "Needs attention"),
        ("/sandbox", "Sandbox feed"),
        ("/import", "Import posts"),
        ("/admin/users", "Users"),
        ("/admin/brands", "Brands"),
        ("/admin/secrets", "Secrets"),
        ("/admin/audit", "Audit log"),
        ("/admin/system", "System"),
        ("/admin/ai-usage", "AI usage"),
    ];
}
