using Microsoft.Playwright;

namespace Ocma.Tests.Support;

/// <summary>Headless Debian Chromium driven by Playwright (no Playwright browser download), one per test class.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Signs in through the real form and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string email = TestUsers.AdminEmail, string password = TestUsers.Password)
    {
        await page.GotoAsync(baseUrl + "/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Waits until the page's live connection has taken it over. Until then clicks reach no handler, and what is typed
    /// can be lost when the interactive render replaces the pre-rendered page.
    /// </summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator(".ocma-layout[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 30_000 });

    /// <summary>
    /// Drags with the mouse, step by step, as a person does: the browser's own drag and drop only starts once the pointer
    /// moves with the button held (Playwright's DragToAsync jumps, and no drag begins).
    /// </summary>
    public static async Task DragAsync(IPage page, ILocator source, ILocator target)
    {
        await source.HoverAsync();
        await page.Mouse.DownAsync();
        var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("The drop target is not on screen.");
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + Math.Min(box.Height / 2, 24), new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Opens a drop-down list by its label and picks an option by its text.</summary>
    public static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = field, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>A message the console shows after something happened (a snackbar, announced as a status, or an alert), by its text.</summary>
    public static ILocator Message(IPage page, string text) =>
        page.GetByRole(AriaRole.Status).Or(page.GetByRole(AriaRole.Alert)).Filter(new() { HasText = text }).First;

    /// <summary>Where screenshots go for review: TestResults/screenshots at the repository root.</summary>
    public static string ScreenshotPath(string name) => Path.Combine(RepositoryPaths.TestResults("screenshots"), name + ".png");
}
