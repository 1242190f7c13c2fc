using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Core.Media;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class MediaEndpointsTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private readonly byte[] _png = TestImages.Png(640, 480);
    private MediaAsset _asset = null!;

    public async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        await TestUsers.CreateAsync(_app, admin, "viewer@example.com", Roles.Viewer);
        using var content = new MemoryStream(_png);
        _asset = (await _app.Get<MediaUploadService>().UploadAsync(new MediaUpload(1, "poster.png", "image/png", content), admin, CancellationToken.None)).Value;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("/thumbnail")]
    public async Task Get_Anonymous_RedirectsToSignInAndServesNoBytes(string suffix)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/media/files/{_asset.Id}{suffix}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SignedInViewer_GetsTheOriginalWithItsRealTypeAndNosniff()
    {
        var client = await SignedInAsync("viewer@example.com");

        var response = await client.GetAsync($"/media/files/{_asset.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(_png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_Thumbnail_IsASmallJpeg()
    {
        var client = await SignedInAsync("viewer@example.com");

        var response = await client.GetAsync($"/media/files/{_asset.Id}/thumbnail");

        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(MediaSniffer.Jpeg, MediaSniffer.Sniff(bytes));
        Assert.True(bytes.Length < _png.Length, $"thumbnail {bytes.Length} bytes, original {_png.Length}");
    }

    [Fact]
    public async Task Get_UnknownId_IsNotFound()
    {
        var client = await SignedInAsync("viewer@example.com");

        var response = await client.GetAsync("/media/files/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));
        return client;
    }
}
