using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Sandbox;
using Ocma.Core.Secrets;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>An Admin's console work in real Chromium: replacing a secret, then reading a post's attempt ledger.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminConsoleTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string SecretName = "mastodon:client_secret";
    private const string OldValue = "previous-app-secret-OLD1111";
    private const string NewValue = "rotated-app-secret-NEW7777";
    private const string TemporaryPassword = "Temporary-Pass-2468";
    private readonly OcmaAppFactory _app = new(settings: new Dictionary<string, string?> { ["Publishing:FirstRetryDelay"] = "00:00:01" });
    private readonly List<string> _errors = [];
    private string _baseUrl = "";
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        _admin = await TestUsers.CreateAdminAsync(_app);
        await TestUsers.CreateAsync(_app, _admin, "editor@example.com", Ocma.Core.Identity.Roles.Editor);
        var saved = await _app.Get<SecretAdminService>().SetAsync(SecretName, OldValue, _admin, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Admin_ReplacesASecretThenOpensAPostTimeline_ValueNeverShownAndLedgerListed()
    {
        var postId = await PublishAfterOneOutageAsync("Timeline check " + Guid.NewGuid().ToString("N")[..8]);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _errors.Add(message.Text);
            }
        };

        await Browser.SignInAsync(page, _baseUrl);

        // Replace the stored secret: the row shows only the hint, before and after.
        await page.GotoAsync(_baseUrl + "/admin/secrets");
        var row = page.Locator(".secrets-grid tr").Filter(new() { HasText = SecretName });
        await Expect(row).ToContainTextAsync("••••1111");
        await Shot(page, "01-secrets-before");
        var nameInput = page.Locator("#secret-name");
        await Browser.WaitUntilInteractiveAsync(page);
        await row.GetByRole(AriaRole.Button, new() { Name = "Replace" }).ClickAsync();

        await Expect(nameInput).ToHaveValueAsync(SecretName);
        await page.FillAsync("#secret-value", NewValue);
        await page.ClickAsync("#save-secret");
        await Expect(Browser.Message(page, $"Replaced {SecretName}. It ends in 7777.")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("••••7777");
        await Expect(page.Locator("#secret-value")).ToHaveValueAsync("");
        await Shot(page, "02-secrets-replaced");
        AssertNeverShown(await page.ContentAsync());

        await page.ReloadAsync();
        await Expect(row).ToContainTextAsync("••••7777");
        await Shot(page, "03-secrets-reloaded");
        AssertNeverShown(await page.ContentAsync());
        Assert.Equal(NewValue, await _app.Get<SecretVault>().GetAsync(SecretName, CancellationToken.None));

        // The audit log records the replacement, without the value.
        await page.GotoAsync(_baseUrl + "/admin/audit");
        await Expect(page.Locator(".audit-grid")).ToContainTextAsync("secret.replaced");
        await Shot(page, "04-audit-log");
        AssertNeverShown(await page.ContentAsync());

        await page.GotoAsync(_baseUrl + "/admin/users");
        await Expect(page.Locator(".users-grid")).ToContainTextAsync("editor@example.com");
        await Expect(page.Locator(".users-grid .lock-user")).ToHaveCountAsync(1); // the editor's; none on your own row
        var editorRow = page.Locator(".users-grid tr").Filter(new() { HasText = "editor@example.com" });
        await Browser.WaitUntilInteractiveAsync(page);
        await editorRow.GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();

        await page.FillAsync("#reset-password", TemporaryPassword);
        await page.ClickAsync("#confirm-reset");
        await Expect(Browser.Message(page, "editor@example.com has a new password")).ToBeVisibleAsync();
        Assert.DoesNotContain(TemporaryPassword, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("signed-in", await SignInOverHttpAsync("editor@example.com", TemporaryPassword));
        await editorRow.GetByRole(AriaRole.Button, new() { Name = "Lock" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await Expect(editorRow).ToContainTextAsync("Locked out");
        await Shot(page, "05-users");
        Assert.Contains("locked", await SignInOverHttpAsync("editor@example.com", TemporaryPassword), StringComparison.OrdinalIgnoreCase);

        await page.GotoAsync(_baseUrl + "/admin/system");
        await Expect(page.GetByTestId("scheduler-status")).ToHaveTextAsync("Running");
        await Shot(page, "06-system");

        // From Activity to the post's timeline: two attempts, the outage then the success.
        await page.GotoAsync(_baseUrl + "/activity");
        await page.Locator($"a[href='/posts/{postId}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/posts/{postId}$"));
        var attempts = page.Locator(".attempt-ledger li");
        await Expect(attempts).ToHaveCountAsync(2);
        await Expect(attempts.Nth(0)).ToContainTextAsync("Attempt 1");
        await Expect(attempts.Nth(0)).ToContainTextAsync("The platform was down or in maintenance");
        await Expect(attempts.Nth(1)).ToContainTextAsync("Attempt 2");
        await Expect(attempts.Nth(1)).ToContainTextAsync("Published");
        await Expect(page.Locator(".target-card .state-badge")).ToHaveTextAsync("Published");
        await Shot(page, "07-post-timeline");

        // A timeline left open follows its post live: scheduled, then published, with no reload.
        var later = await ScheduleAsync("Live timeline " + Guid.NewGuid().ToString("N")[..8], TimeSpan.FromSeconds(8)); // long enough for the circuit to be up before it publishes
        await page.GotoAsync($"{_baseUrl}/posts/{later}");
        var badge = page.Locator(".target-card .state-badge");
        await Expect(badge).ToHaveTextAsync("Scheduled");
        await Expect(page.Locator(".attempts-empty")).ToBeVisibleAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        await Expect(badge).ToHaveTextAsync("Published", new() { Timeout = 30_000 });
        await Expect(attempts).ToHaveCountAsync(1);
        Assert.Equal(0, navigations);
        await Shot(page, "08-post-timeline-live");

        Assert.Empty(_errors);
    }

    [Fact]
    public async Task Admin_InvitesSomeoneByLink_TheyChooseAPasswordAndArriveSignedInWithTheirRole()
    {
        await using var adminContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await adminContext.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);
        await page.GotoAsync(_baseUrl + "/admin/users");
        await Browser.WaitUntilInteractiveAsync(page);

        await page.FillAsync("#new-email", "writer@example.com");
        await Browser.ChooseAsync(page, "Role", "Contributor");
        await page.ClickAsync("#add-user");

        await Expect(Browser.Message(page, "writer@example.com is invited as Contributor.")).ToBeVisibleAsync();
        await Expect(page.Locator(".users-grid tr").Filter(new() { HasText = "writer@example.com" })).ToContainTextAsync("Invited");
        var link = await page.GetByLabel("Invite link", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith(_baseUrl + "/invite?user=", link, StringComparison.Ordinal);
        await Shot(page, "05-invite-link");

        // The invited person opens the link in their own browser.
        await using var theirContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var theirs = await theirContext.NewPageAsync();
        await theirs.GotoAsync(link);
        await Expect(theirs.Locator(".invited-email")).ToHaveTextAsync("writer@example.com");
        await theirs.FillAsync("#password", "Their-Own-Choice-5");
        await theirs.FillAsync("#confirm", "Their-Own-Choice-5");
        await Shot(theirs, "06-invite-accept");
        await theirs.ClickAsync("button[type=submit]");

        await Expect(theirs.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(theirs.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("Contributor");

        // The link is spent; the Admin's list shows them as an active person.
        await theirs.GotoAsync(link);
        await Expect(theirs.Locator(".invite-expired")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator(".users-grid tr").Filter(new() { HasText = "writer@example.com" })).ToContainTextAsync("Active");
    }

    private async Task<int> PublishAfterOneOutageAsync(string text)
    {
        await SandboxChannels.ConnectAsync(_app, _admin);
        await _app.Get<SandboxPlatform>().SetSwitchAsync(SandboxFailureMode.Unavailable, 1, CancellationToken.None);
        var brand = await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var channelIds = (await _app.Get<Ocma.Core.Channels.ChannelService>().ListAsync(brand.Id, CancellationToken.None)).Select(c => c.Id).ToList();
        var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(brand.Id, text, channelIds, ComposeMode.PublishNow, null), _admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        await Eventually.MatchesAsync(() => StateOfAsync(post.Value.Id), s => s is TargetState.Published or TargetState.Failed, TimeSpan.FromSeconds(20), "the post to publish");
        return post.Value.Id;
    }

    private async Task<int> ScheduleAsync(string text, TimeSpan ahead)
    {
        var brand = await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var channelIds = (await _app.Get<Ocma.Core.Channels.ChannelService>().ListAsync(brand.Id, CancellationToken.None)).Select(c => c.Id).ToList();
        var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(brand.Id, text, channelIds, ComposeMode.Schedule, DateTime.UtcNow + ahead), _admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return post.Value.Id;
    }

    private async Task<TargetState> StateOfAsync(int postId)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.Where(t => t.PostId == postId).Select(t => t.State).SingleAsync();
    }

    private async Task<string> SignInOverHttpAsync(string email, string password)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(_baseUrl) };
        return await FormPoster.SignInAsync(client, email, password);
    }

    private static void AssertNeverShown(string html)
    {
        Assert.DoesNotContain(NewValue, html, StringComparison.Ordinal);
        Assert.DoesNotContain(OldValue, html, StringComparison.Ordinal);
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("admin-" + name), FullPage = true });
}
