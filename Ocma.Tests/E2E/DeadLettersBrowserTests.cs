using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ocma.Core.Brands;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>The Needs attention page in real Chromium: failures show up live in their groups; retrying or reconnecting clears them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeadLettersBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
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
    public async Task DeadLetters_RefusedRetriedAndRevokedReconnected_PublishEachOnceAndLeaveThePageLive()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        var channel = await SandboxChannels.ConnectAsync(_app, admin);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);

        await page.ClickAsync("text=Needs attention");
        await Expect(page.Locator(".nothing-stuck")).ToBeVisibleAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        // A post is refused while the page is open: its group appears without a reload.
        var text = "Refused in the browser " + Guid.NewGuid().ToString("N")[..6];
        await _app.Get<SandboxPlatform>().SetSwitchAsync(SandboxFailureMode.Rejected, 1, CancellationToken.None);
        var brand = await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(brand.Id, text, [channel.Id], ComposeMode.PublishNow, null), admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        var group = page.Locator(".dead-letter-group").Filter(new() { HasText = "Content refused" });
        await Expect(group.Locator(".group-count")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await Shot(page, "01-group");

        await group.Locator(".group-toggle").ClickAsync();
        var row = group.Locator(".dead-letter-grid tr").Filter(new() { HasText = text });
        await Expect(row).ToContainTextAsync("moderation");
        await Expect(row.Locator(".post-link")).ToHaveAttributeAsync("href", $"/posts/{post.Value.Id}");
        await Shot(page, "02-expanded");

        await _app.Get<SandboxPlatform>().SetSwitchAsync(SandboxFailureMode.None, 0, CancellationToken.None);
        await group.Locator(".retry-button").ClickAsync();

        await Expect(page.Locator(".decision-notice")).ToContainTextAsync("Retried 1 post(s).");
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator(".nothing-stuck")).ToBeVisibleAsync();
        Assert.Equal(0, navigations);
        await Shot(page, "03-retried");
        await PublishedOnceAsync(post.Value.Id, text);

        // Access is revoked on the next post: it waits in its own group until the channel is reconnected from there.
        var held = "Held for a reconnect " + Guid.NewGuid().ToString("N")[..6];
        await _app.Get<SandboxPlatform>().SetSwitchAsync(SandboxFailureMode.Revoked, 1, CancellationToken.None);
        var heldPost = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(brand.Id, held, [channel.Id], ComposeMode.PublishNow, null), admin, CancellationToken.None);
        Assert.True(heldPost.Succeeded, heldPost.Error);
        var revoked = page.Locator(".dead-letter-group").Filter(new() { HasText = "Access revoked — reconnect" });
        await Expect(revoked.Locator(".reconnect-link")).ToHaveAttributeAsync("href", $"/channels/{channel.Id}/reconnect", new() { Timeout = 20_000 });
        await Expect(revoked.Locator(".retry-button")).ToHaveCountAsync(0);
        await Shot(page, "04-access-revoked");
        await revoked.Locator(".reconnect-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sandbox/authorize"));
        await page.FillAsync("#handle", "@team");
        await page.ClickAsync("button[value=allow]");
        await Expect(page.Locator(".connected-notice")).ToContainTextAsync("Connected 1 account(s).");
        await PublishedOnceAsync(heldPost.Value.Id, held);
        await page.ClickAsync("text=Needs attention");
        await Expect(page.Locator(".nothing-stuck")).ToBeVisibleAsync();
    }

    private async Task PublishedOnceAsync(int postId, string text)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        await Eventually.MatchesAsync(() => db.PostTargets.AsNoTracking().SingleAsync(t => t.PostId == postId), t => t.State == TargetState.Published,
            TimeSpan.FromSeconds(20), $"post {postId} to publish");
        Assert.Single(await _app.Get<SandboxPlatform>().FeedAsync(100, CancellationToken.None), p => p.Text == text);
    }

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("dead-letters-" + name), FullPage = true });
}
