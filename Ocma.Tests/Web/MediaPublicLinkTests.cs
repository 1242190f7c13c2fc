using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ocma.Core.Media;
using Ocma.Core.Secrets;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>Time-limited public links to library files (what Instagram fetches): no sign-in, but only with a valid, unexpired token.</summary>
public sealed class MediaPublicLinkTests : IAsyncLifetime
{
    // The data-protection layer also checks expiry against the real clock, so the test clock starts at the real now.
    private readonly FakeTimeProvider _clock = TestClock.StartingNow();
    private readonly byte[] _png = TestImages.Png(320, 240);
    private OcmaAppFactory _app = null!;
    private MediaAsset _asset = null!;
    private Ocma.Core.Audit.Actor _admin = null!;

    public async Task InitializeAsync()
    {
        _app = new OcmaAppFactory(
            settings: new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://ocma.example.com/", ["Media:PublicLinkLifetime"] = "02:00:00" },
            configureServices: s => s.AddSingleton<TimeProvider>(_clock));
        _admin = await TestUsers.CreateAdminAsync(_app);
        using var content = new MemoryStream(_png);
        _asset = (await _app.Get<MediaUploadService>().UploadAsync(new MediaUpload(1, "poster.png", "image/png", content), _admin, CancellationToken.None)).Value;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PublicLink_WithoutSignIn_ServesTheOriginalWithItsTypeNosniffAndAShortPrivateCache()
    {
        var link = _app.Get<MediaPublicLinks>().For(_asset)!;

        var response = await _app.CreateClient().GetAsync(link.PathAndQuery);

        Assert.StartsWith("https://ocma.example.com/media/public/", link.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl.MaxAge);
        Assert.Equal(_png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void MediaItems_CarryThePublicLink_ThatOpensToTheAsset()
    {
        var item = Assert.Single(_app.Get<MediaItems>().From([_asset]));

        var token = item.PublicUrl!.AbsolutePath[MediaPublicLinks.PathPrefix.Length..];

        Assert.Equal(new MediaPublicLink(_asset.Id, _asset.Sha256), _app.Get<MediaPublicLinks>().Open(token));
    }

    [Fact]
    public async Task PublicLink_AfterItsLifetime_IsNotFound()
    {
        var path = _app.Get<MediaPublicLinks>().For(_asset)!.PathAndQuery;
        var client = _app.CreateClient();

        _clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        AssertSaysNothingAbout(path, await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PublicLink_TamperedGarbledOrSealedForAnotherPurpose_IsNotFoundWithNoDetail()
    {
        var token = _app.Get<MediaPublicLinks>().Issue(_asset);
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        var otherPurpose = new ExpiringProtector(_app.Get<IDataProtectionProvider>().CreateProtector(ProtectionPurposes.OAuthState), _clock)
            .Protect($"{_asset.Id}:{_asset.Sha256}", TimeSpan.FromHours(1));
        var client = _app.CreateClient();

        foreach (var bad in new[] { tampered, "not-a-token", otherPurpose, _asset.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            var response = await client.GetAsync(MediaPublicLinks.PathPrefix + bad);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            AssertSaysNothingAbout(bad, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task PublicLink_ForADeletedAsset_IsNotFound()
    {
        var path = _app.Get<MediaPublicLinks>().For(_asset)!.PathAndQuery;
        Assert.True((await _app.Get<MediaLibraryService>().DeleteAsync(_asset.Id, _admin, CancellationToken.None)).Succeeded);

        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task MediaItems_WithoutPublicBaseUrl_HaveNoPublicUrl()
    {
        await using var app = new OcmaAppFactory();
        await TestUsers.CreateAdminAsync(app);

        Assert.Null(Assert.Single(app.Get<MediaItems>().From([_asset])).PublicUrl);
    }

    /// <summary>A refused link gets the app's ordinary not-found page: no echo of the token, no reason.</summary>
    private static void AssertSaysNothingAbout(string token, string body)
    {
        var echo = token.Split('/')[^1];
        if (echo.Length >= 8)
        {
            Assert.DoesNotContain(echo, body, StringComparison.Ordinal);
        }

        foreach (var detail in new[] { "expire", "token", "tamper", "signature", "Cryptographic" })
        {
            Assert.DoesNotContain(detail, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
