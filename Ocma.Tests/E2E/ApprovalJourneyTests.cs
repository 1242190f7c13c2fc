using Microsoft.Playwright;
using Ocma.Core.Approvals;
using Ocma.Core.Identity;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>Approvals in real Chromium: a Contributor submits, an Editor approves on /approvals, the post goes out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Writer = "writer@example.com";
    private const string EditorEmail = "editor@example.com";
    private readonly OcmaAppFactory _app = new();
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        var admin = await TestUsers.CreateAdminAsync(_app);
        await TestUsers.CreateAsync(_app, admin, Writer, Roles.Contributor);
        await TestUsers.CreateAsync(_app, admin, EditorEmail, Roles.Editor);
        await SandboxChannels.ConnectAsync(_app, admin, "@reviewed");
        Assert.True((await _app.Get<ApprovalPolicyService>().SetAsync(1, true, admin, CancellationToken.None)).Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ApprovalsOn_ContributorSubmits_EditorApproves_PostIsPublishedOnTheSandbox()
    {
        var text = "Reviewed launch " + Guid.NewGuid().ToString("N")[..8];

        // The Contributor writes a post; the composer offers to submit it for approval, not to publish it.
        await using var writerContext = await NewContextAsync();
        var writer = await writerContext.NewPageAsync();
        await Browser.SignInAsync(writer, _baseUrl, Writer);
        await writer.GotoAsync(_baseUrl + "/compose");
        await Browser.WaitUntilInteractiveAsync(writer);
        await writer.Locator("#post-text").FillAsync(text);
        await Expect(writer.Locator("#compose-submit")).ToContainTextAsync("Submit for approval");
        await writer.ClickAsync("#compose-submit");
        await Expect(writer.Locator(".compose-saved")).ToContainTextAsync("Sent for review");
        await writer.GotoAsync(_baseUrl + "/activity");
        var writerRow = writer.Locator(".activity-grid tr").Filter(new() { HasText = text });
        await Expect(writerRow.Locator(".state-badge")).ToHaveTextAsync("In review");
        await Expect(writerRow.Locator(".review-note")).ToHaveTextAsync("Waiting for an Editor's approval.");

        // The Editor sees it waiting, with the count in the menu, and approves it.
        await using var editorContext = await NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await Browser.SignInAsync(editor, _baseUrl, EditorEmail);
        await editor.GotoAsync(_baseUrl + "/approvals");
        var card = editor.Locator(".review-card").Filter(new() { HasText = text });
        await Expect(card.Locator(".review-author")).ToHaveTextAsync(Writer);
        await Expect(card.Locator(".review-due")).ToHaveTextAsync("As soon as it is approved");
        await Expect(editor.Locator(".nav-menu")).ToContainTextAsync("Approvals (1)");
        await editor.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("approvals") });
        await Browser.WaitUntilInteractiveAsync(editor);
        await card.Locator(".approve-button").ClickAsync();
        await Expect(Browser.Message(editor, "Approved: it is going out now.")).ToBeVisibleAsync();
        await Expect(editor.Locator(".review-queue-empty")).ToBeVisibleAsync();

        // The Contributor's Activity follows live: published, on the Sandbox feed, approval recorded on the post.
        await Expect(writerRow.Locator(".state-badge")).ToHaveTextAsync("Published", new() { Timeout = 30_000 });
        Assert.Contains(await _app.Get<SandboxPlatform>().FeedAsync(20, CancellationToken.None), p => p.Text == text && p.Handle == "@reviewed");
        await writerRow.Locator(".post-link").ClickAsync();
        await Expect(writer.Locator(".review-entry[data-decision=Approved]")).ToContainTextAsync("Approved by " + EditorEmail);
    }

    private Task<IBrowserContext> NewContextAsync() =>
        browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
}
