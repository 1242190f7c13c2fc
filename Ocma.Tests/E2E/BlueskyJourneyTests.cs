using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Jobs;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Tests.Fakes.Bluesky;
using Ocma.Tests.Support;
using Quartz;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>
/// A Bluesky channel's life in real Chromium, on a self-hosted server (not the entryway) and the server's clock:
/// connect with a custom server address, the session renewed by the refresh job, the app password revoked and the
/// channel falling to Needs reconnect, reconnected from Needs attention, and the held post published exactly once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BlueskyJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private BlueskyFake _entryway = null!;
    private BlueskyFake _pds = null!;
    private OcmaAppFactory _app = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _entryway = await BlueskyFake.StartAsync(); // plays bsky.social: must never see the sign-in
        _pds = await BlueskyFake.StartAsync();
        _app = new OcmaAppFactory(settings: BlueskyChannels.Settings(_entryway), configureServices: s => s.AddSingleton<TimeProvider>(_pds.Clock));
        _baseUrl = _app.StartOnLoopback();
        await TestUsers.CreateAdminAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _entryway.DisposeAsync();
        await _pds.DisposeAsync();
    }

    [Fact]
    public async Task Bluesky_ConnectOnOwnServer_Refresh_Revoke_ReconnectFromNeedsAttention_HeldPostPublishesOnce()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);

        // Connect on the account's own server, typed into the panel.
        await page.GotoAsync(_baseUrl + "/channels");
        await Browser.WaitUntilInteractiveAsync(page);
        var option = page.Locator(".connect-option[data-platform=bluesky]");
        await Expect(option.GetByLabel("Bluesky server address")).ToHaveAttributeAsync("placeholder", $"Server (optional, default {_entryway.BaseUrl.Authority})");
        await option.GetByLabel("Bluesky handle").FillAsync(BlueskyFake.Team.Handle);
        await option.GetByLabel("Bluesky server address").FillAsync(_pds.BaseUrl.ToString());
        await option.GetByLabel("Bluesky app password").FillAsync(BlueskyFake.Team.AppPassword);
        await option.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        var card = page.Locator(".channel-card").Filter(new() { HasText = "Bluesky" });
        await Expect(card.Locator(".channel-status")).ToHaveTextAsync("Active", new() { Timeout = 20_000 });
        await Expect(card.Locator(".channel-server")).ToHaveTextAsync(_pds.BaseUrl.Authority);
        Assert.Single(_pds.Journal.Matching("POST", "/xrpc/com.atproto.server.createSession"));
        Assert.Empty(_entryway.Journal.Entries);
        var channelId = int.Parse(await card.GetAttributeAsync("data-channel-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await Shot(page, "01-connected");

        // The access token expires on the server's clock; the refresh job renews it (no platform app needed).
        _pds.Clock.Advance(TimeSpan.FromMinutes(125));
        await page.ReloadAsync();
        await Expect(card).ToContainTextAsync("expired (refreshed on next use)");
        await (await _app.Get<ISchedulerFactory>().GetScheduler()).TriggerJob(JobSchedule.GrantRefresh);
        await Eventually.MatchesAsync(() => Task.FromResult(_pds.Journal.Matching("POST", "/xrpc/com.atproto.server.refreshSession").Count), n => n == 1, TimeSpan.FromSeconds(20), "refreshSession");
        await page.ReloadAsync();
        await Expect(card).ToContainTextAsync("refreshes in 2 h", new() { Timeout = 20_000 });
        await Expect(card.Locator(".channel-status")).ToHaveTextAsync("Active");
        await Shot(page, "02-refreshed");

        // The app password is deleted in Bluesky: the session works until it must be renewed, then the channel needs a reconnect.
        _pds.RevokeAppPassword(BlueskyFake.Team, BlueskyFake.Team.AppPassword);
        _pds.Clock.Advance(TimeSpan.FromMinutes(125));
        var text = "Held through a revoked app password " + Guid.NewGuid().ToString("N")[..6];
        var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [channelId], ComposeMode.PublishNow, null), (await AdminAsync()), CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        await _app.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None);
        await Expect(card.Locator(".channel-status")).ToHaveTextAsync("Needs reconnect", new() { Timeout = 20_000 });
        await Expect(card.Locator("[data-testid=channel-health]")).Not.ToContainTextAsync("Healthy");
        await Shot(page, "03-needs-reconnect");

        // Reconnect from Needs attention: the same form, pre-filled; a new app password; the held post goes out once.
        await page.ClickAsync("text=Needs attention");
        var revoked = page.Locator(".dead-letter-group").Filter(new() { HasText = "Access revoked — reconnect" });
        await Expect(revoked.Locator(".group-count")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await revoked.Locator(".reconnect-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/channels\\?reconnect={channelId}$"));
        await Browser.WaitUntilInteractiveAsync(page);
        option = page.Locator(".connect-option[data-platform=bluesky]");
        await Expect(option.Locator(".reconnect-hint")).ToContainTextAsync("Reconnect @team.bsky.social");
        await Expect(option.GetByLabel("Bluesky handle")).ToHaveValueAsync(BlueskyFake.Team.Handle);
        await Expect(option.GetByLabel("Bluesky server address")).ToHaveValueAsync(_pds.BaseUrl.ToString());
        await Shot(page, "04-reconnect-form");
        await option.GetByLabel("Bluesky app password").FillAsync(_pds.NewAppPassword(BlueskyFake.Team));
        await option.GetByRole(AriaRole.Button, new() { Name = "Reconnect" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/channels$"), new() { Timeout = 20_000 });
        await Expect(card.Locator(".channel-status")).ToHaveTextAsync("Active", new() { Timeout = 20_000 });

        await PublishedAsync(post.Value.Id);
        await Shot(page, "05-reconnected");
        Assert.Single(_pds.Records, r => (string?)r.Value["text"] == text);
        Assert.Single(_pds.Journal.Matching("POST", "/xrpc/com.atproto.repo.createRecord"), e => e.Body.Contains(text, StringComparison.Ordinal));
        Assert.Single(await _app.Get<ChannelService>().ListAsync(1, CancellationToken.None));
    }

    private async Task<Ocma.Core.Audit.Actor> AdminAsync() =>
        new((await TestUsers.FindAsync(_app, TestUsers.AdminEmail)).Id, TestUsers.AdminEmail, new HashSet<string> { Ocma.Core.Identity.Roles.Admin });

    private async Task PublishedAsync(int postId)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        await Eventually.MatchesAsync(
            async () =>
            {
                await _app.Get<TargetDispatcher>().DispatchDueAsync(CancellationToken.None);
                return await db.PostTargets.AsNoTracking().SingleAsync(t => t.PostId == postId);
            },
            t => t.State == TargetState.Published, TimeSpan.FromSeconds(20), $"post {postId} to publish");
    }

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("bluesky-" + name), FullPage = true });
}
