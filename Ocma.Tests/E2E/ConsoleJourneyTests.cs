using System.Globalization;
using Microsoft.Playwright;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>The first journey of a new team, in real Chromium against the app on a loopback port.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Email = "owner@example.com";
    private readonly OcmaAppFactory _app = new();
    private readonly List<string> _consoleErrors = [];
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FreshInstall_SetupConnectComposeSchedule_PublishedLiveAndOnTheSandboxFeed()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _consoleErrors.Add($"HTTP {response.Status} {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _consoleErrors.Add(message.Text);
            }
        };

        // First visit goes to setup; create the admin.
        await page.GotoAsync(_baseUrl);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        await Shot(page, "01-setup");
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", TestUsers.Password);
        await page.FillAsync("#confirm", TestUsers.Password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        // Sign out and sign in again, as the team will every day.
        await page.ClickAsync("text=Sign out");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", TestUsers.Password);
        await Shot(page, "02-sign-in");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(Email);
        await Shot(page, "03-dashboard");

        // Connect the Sandbox through its consent page.
        await page.GotoAsync(_baseUrl + "/channels");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect Sandbox (practice)" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sandbox/authorize"));
        await Shot(page, "04-sandbox-consent");
        await page.FillAsync("#handle", "@journey");
        await page.ClickAsync("button[value=allow]");
        await Expect(page.Locator(".connected-notice")).ToContainTextAsync("Connected 1 account(s).");
        await Expect(page.Locator(".channel-card")).ToContainTextAsync("@journey");
        await Shot(page, "05-channels");

        // Compose and schedule ten seconds ahead (the brand's zone is UTC by default).
        var text = "Launch day " + Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync(_baseUrl + "/compose");
        var editor = page.Locator("#post-text");
        await Expect(editor).ToBeVisibleAsync();
        await Browser.WaitUntilInteractiveAsync(page);
        await editor.FillAsync(text);
        await Expect(page.GetByTestId("char-counter")).ToHaveTextAsync($"{text.Length} / 500");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Schedule" }).CheckAsync();
        var due = DateTime.UtcNow.AddSeconds(10);
        due = due.AddTicks(-(due.Ticks % TimeSpan.TicksPerSecond)); // the form takes whole seconds
        // Chromium drops ":00" seconds from a datetime-local value, so write it the way the browser will keep it.
        await page.FillAsync("#due", due.ToString(due.Second == 0 ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        await Shot(page, "06-compose");
        await page.ClickAsync("#compose-submit");
        await Expect(page.Locator(".compose-saved")).ToContainTextAsync("Scheduled for");

        // Activity shows it scheduled, then published, with no reload.
        await page.GetByRole(AriaRole.Link, new() { Name = "See it in Activity" }).ClickAsync();
        var row = page.Locator(".activity-grid tr").Filter(new() { HasText = text });
        await Expect(row.Locator(".state-badge")).ToHaveTextAsync("Scheduled");
        await Shot(page, "07-activity-scheduled");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        await Expect(row.Locator(".state-badge")).ToHaveTextAsync("Published", new() { Timeout = 30_000 });
        Assert.Equal(0, navigations);
        Assert.True(DateTime.UtcNow >= due, "published before its time");
        await Shot(page, "08-activity-published");

        // The post is on the Sandbox feed, and on the calendar.
        await row.GetByRole(AriaRole.Link, new() { Name = "View post" }).ClickAsync();
        await Expect(page.Locator(".sandbox-post").Filter(new() { HasText = text })).ToBeVisibleAsync();
        await Shot(page, "09-sandbox-feed");
        await page.GotoAsync(_baseUrl + "/calendar");
        await Expect(page.Locator(".post-calendar")).ToContainTextAsync("Published");
        await Shot(page, "10-calendar");
        await page.GotoAsync(_baseUrl + "/admin/users");
        await Expect(page.Locator(".users-grid")).ToContainTextAsync(Email);
        await Shot(page, "11-admin-users");

        Assert.Empty(_consoleErrors);
    }

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("journey-" + name), FullPage = true });
}
