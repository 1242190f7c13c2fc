using Microsoft.Playwright;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>Upload an image on /media, describe it, attach it in Compose, and see it with its alt text on the Sandbox feed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MediaJourneyTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
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
    public async Task Media_UploadDescribeAttachPublish_ImageWithAltTextOnTheSandboxFeed()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        await SandboxChannels.ConnectAsync(_app, admin);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);

        // Upload through the file picker once the page is interactive.
        await page.GetByRole(AriaRole.Link, new() { Name = "Media", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("media-drop")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByLabel("Upload images or videos: drop files here or choose them").SetInputFilesAsync(TestImages.WriteTempFile("harbour.png", TestImages.Png(900, 600)));
        var card = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "harbour.png" });
        await Expect(card).ToContainTextAsync("900×600", new() { Timeout = 15_000 }); // the upload is a round trip through the circuit
        await Expect(card.Locator(".media-alt-warning")).ToBeVisibleAsync();
        await Expect(card.Locator(".media-thumb img")).ToHaveJSPropertyAsync("naturalWidth", 320);

        // Describe it: the warning goes away.
        const string alt = "Fishing boats in the harbour at dawn";
        await card.GetByLabel("Alt text of harbour.png").FillAsync(alt);
        await card.GetByRole(AriaRole.Button, new() { Name = "Save alt text" }).ClickAsync();
        await Expect(Browser.Message(page, "Saved the alt text of 'harbour.png'.")).ToBeVisibleAsync();
        await Expect(card.Locator(".media-alt-warning")).ToHaveCountAsync(0);
        await page.EvaluateAsync("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })"); // the layout scrolls inside its body, not the window
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("media-library") });

        // Attach it in Compose and publish now to the only channel.
        var text = "Morning in the harbour " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync(_baseUrl + "/compose");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#media-attach-open");
        await Expect(page.Locator(".media-picker")).ToBeVisibleAsync();
        await page.Locator(".media-pick[title='harbour.png']").ClickAsync();
        await Expect(page.Locator(".media-chip[title='harbour.png']")).ToBeVisibleAsync();
        await page.Locator("#post-text").FillAsync(text);
        await Expect(page.GetByTestId("char-counter")).ToHaveTextAsync($"{text.Length} / 500");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("media-compose") });
        await page.ClickAsync("#compose-submit");
        await Expect(page.Locator(".compose-saved")).ToContainTextAsync("Publishing to 1 channel(s) now.");

        // The Sandbox feed shows the image, loaded, with its alt text.
        await page.GotoAsync(_baseUrl + "/sandbox");
        var post = page.Locator(".sandbox-post").Filter(new() { HasText = text });
        await Expect(post).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var image = post.Locator(".sandbox-post-images img");
        await Expect(image).ToHaveAttributeAsync("alt", alt);
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 900);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("media-sandbox-feed") });
    }

    [Fact]
    public async Task Media_UploadVideoAttachPublish_VideoTileInTheLibraryAndVideoOnTheSandboxFeed()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        await SandboxChannels.ConnectAsync(_app, admin);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, _baseUrl);

        // Upload a video: the library shows a video tile with how long it plays and its size, not a thumbnail.
        await page.GotoAsync(_baseUrl + "/media");
        await Expect(page.GetByTestId("media-drop")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByLabel("Upload images or videos: drop files here or choose them").SetInputFilesAsync(TestImages.WriteTempFile("teaser.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(42), 1280, 720)));
        var card = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "teaser.mp4" });
        var tile = card.GetByTestId("video-tile");
        await Expect(tile).ToContainTextAsync("0:42", new() { Timeout = 15_000 });
        await Expect(tile).ToContainTextAsync("1280×720");
        await Expect(card).ToContainTextAsync("video/mp4");
        var id = await card.Locator("[data-media-id]").GetAttributeAsync("data-media-id");
        Assert.Equal(206, await page.EvaluateAsync<int>($"fetch('/media/files/{id}', {{ headers: {{ Range: 'bytes=0-15' }} }}).then(r => r.status)")); // browsers seek in video by range
        await page.EvaluateAsync("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("media-video-tile") });

        // Attach it in Compose and publish now to the Sandbox channel.
        var text = "Teaser " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync(_baseUrl + "/compose");
        await Browser.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#media-attach-open");
        await page.Locator(".media-pick[title='teaser.mp4']").ClickAsync();
        await Expect(page.Locator(".media-chip[title='teaser.mp4']")).ToContainTextAsync("0:42");
        await page.Locator("#post-text").FillAsync(text);
        await Expect(page.GetByTestId("char-counter")).ToHaveTextAsync($"{text.Length} / 500");
        await page.ClickAsync("#compose-submit");
        await Expect(page.Locator(".compose-saved")).ToContainTextAsync("Publishing to 1 channel(s) now.");

        // The Sandbox feed plays it from the practice platform's file address.
        await page.GotoAsync(_baseUrl + "/sandbox");
        var post = page.Locator(".sandbox-post").Filter(new() { HasText = text });
        await Expect(post).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(post.GetByTestId("sandbox-video")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/sandbox/images/\\d+$"));
    }
}
