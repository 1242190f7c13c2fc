using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>Media over HTTP: who may open the library, and a post page showing its images. The library itself is in Pages/MediaLibraryTests.</summary>
public sealed class MediaPageTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private int _postId;

    public async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        await TestUsers.CreateAsync(_app, admin, "viewer@example.com", Roles.Viewer);
        var channel = await SandboxChannels.ConnectAsync(_app, admin);
        using var content = new MemoryStream(TestImages.Png(40, 30));
        var asset = (await _app.Get<MediaUploadService>().UploadAsync(new MediaUpload(1, "used.png", "image/png", content), admin, CancellationToken.None)).Value;
        var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, "Uses the image", [channel.Id], ComposeMode.SaveDraft, null, MediaIds: [asset.Id]), admin, CancellationToken.None);
        _postId = post.Value.Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PostPage_ShowsTheAttachedImage()
    {
        var html = await (await SignedInAsync("viewer@example.com")).GetStringAsync($"/posts/{_postId}");

        Assert.Contains("data-testid=\"post-media\"", html, StringComparison.Ordinal);
        Assert.Contains("title=\"used.png\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Media_Anonymous_RedirectsToSignIn()
    {
        var response = await _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/media");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));
        return client;
    }
}
