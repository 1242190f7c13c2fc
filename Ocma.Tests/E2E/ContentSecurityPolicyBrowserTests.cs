using Microsoft.Playwright;
using Ocma.Core.Brands;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>
/// Every page under the Content-Security-Policy in a real browser: it loads, goes interactive (Blazor's script and
/// WebSocket, MudBlazor's script and styles), and the browser reports no violation of the policy on any of them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    // Every violation the page sees, kept on the window so it survives until the test reads it.
    private const string ListenForViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + location.pathname));";

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
            new ComposeRequest(brand.Id, "A post for the policy check", [channel.Id], ComposeMode.PublishNow, null), admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        _postId = post.Value.Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryPage_UnderTheContentSecurityPolicy_GoesInteractiveWithNoViolation()
    {
        await using var context = await browser.Instance.NewContextAsync();
        await context.AddInitScriptAsync(ListenForViolations);
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("Refused to", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        var violations = new List<string>();
        await page.GotoAsync(_baseUrl + "/Account/Login");
        violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__csp"));
        await Browser.SignInAsync(page, _baseUrl);

        foreach (var (path, title) in EveryPageTests.ConsolePages(_postId))
        {
            await page.GotoAsync(_baseUrl + path);
            await Browser.WaitUntilInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__csp"));
        }

        // A MudBlazor control at work under the policy: the theme switch restyles the page in place.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
        await Expect(page.Locator("[data-theme]").First).ToHaveAttributeAsync("data-theme", "dark");
        violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__csp"));

        Assert.Empty(violations);
        Assert.Empty(refused);
    }
}
