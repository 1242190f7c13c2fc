using Ocma.Core;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Media;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Media;

/// <summary>The app with an admin, and a shortcut to upload bytes into the media library as the browser would.</summary>
internal sealed class MediaHarness : IAsyncDisposable
{
    private MediaHarness(OcmaAppFactory app, Actor admin, int brandId, string? loopbackUrl)
    {
        App = app;
        LoopbackUrl = loopbackUrl;
        Admin = admin;
        BrandId = brandId;
    }

    public OcmaAppFactory App { get; }

    public Actor Admin { get; }

    public int BrandId { get; }

    /// <summary>The real 127.0.0.1 address the app serves on, when started with <c>onLoopback</c>.</summary>
    public string? LoopbackUrl { get; }

    public string MediaRoot => Path.Combine(App.DataDirectory, "media");

    public static async Task<MediaHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool onLoopback = false)
    {
        var app = new OcmaAppFactory(settings: settings);
        var loopbackUrl = onLoopback ? app.StartOnLoopback() : null;
        var admin = await TestUsers.CreateAdminAsync(app);
        var brand = await app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        return new MediaHarness(app, admin, brand.Id, loopbackUrl);
    }

    public async Task<Result<MediaAsset>> UploadAsync(string fileName, byte[] bytes, string? declaredType = null, Actor? actor = null)
    {
        using var content = new MemoryStream(bytes);
        return await App.Get<MediaUploadService>().UploadAsync(new MediaUpload(BrandId, fileName, declaredType, content), actor ?? Admin, CancellationToken.None);
    }

    /// <summary>Every file under the media folder, relative to it.</summary>
    public IReadOnlyList<string> StoredFiles() => Directory.Exists(MediaRoot)
        ? Directory.GetFiles(MediaRoot, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(MediaRoot, f)).Order().ToList()
        : [];

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
