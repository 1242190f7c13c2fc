using System.Text;
using Microsoft.Playwright;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>The import page in real Chromium: a bad file lists its rows, a good one imports after the click.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Import_BadThenGoodFile_ListsProblemsThenImports()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        await SandboxChannels.ConnectAsync(_app, admin);
        await using var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);
        await page.GotoAsync(_baseUrl + "/activity");
        await Expect(page.Locator(".import-link")).ToHaveAttributeAsync("href", "/import");
        await page.GotoAsync(_baseUrl + "/import");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import posts" })).ToBeVisibleAsync();

        var problems = page.Locator(".import-problems tbody tr");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.SetInputFilesAsync(".import-file", Csv($"text,channels,due,media\nfine,@team,{TestClock.FutureYear}-01-01 10:00,\nlost,@ghost,{TestClock.FutureYear}-01-01 10:00,\n"));

        await Expect(problems).ToHaveCountAsync(1);
        await Expect(problems).ToContainTextAsync("@ghost");
        await Expect(page.Locator(".import-confirm")).ToHaveCountAsync(0);

        await page.SetInputFilesAsync(".import-file", Csv($"text,channels,due,media\nfirst import,@team,{TestClock.FutureYear}-01-01 10:00,\nsecond import,@team,,\n"));
        await Expect(page.Locator(".import-ready")).ToContainTextAsync("2 post(s) ready");
        await page.ClickAsync(".import-confirm");
        await Expect(page.Locator("text=Imported 2 post(s)")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("import-done") });
    }

    private static FilePayload Csv(string text) => new() { Name = "posts.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };
}
