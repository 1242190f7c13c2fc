using Ocma.Core.Identity;
using Ocma.Core.Media;
using Ocma.Core.Sandbox;

namespace Ocma.Web.Endpoints;

/// <summary>
/// Library files for signed-in people: <c>/media/files/{id}</c> (the original) and <c>/media/files/{id}/thumbnail</c>;
/// the practice platform's posted images at <c>/sandbox/images/{id}</c>; and, without sign-in, <c>/media/public/{token}</c>:
/// the original file named by a valid, unexpired public-link token (what Instagram fetches). Always with the type read from the bytes and nosniff.
/// </summary>
public static class MediaEndpoints
{
    public static WebApplication MapMediaEndpoints(this WebApplication app)
    {
        var files = app.MapGroup("/media/files").RequireAuthorization();
        // Another brand's file is "not found" for someone who is not a member of that brand.
        files.MapGet("/{id:int}", async (int id, HttpContext http, MediaLibraryService library, MediaStore store, ActorResolver actors, CancellationToken cancellationToken) =>
            await library.FindAsync(id, cancellationToken) is MediaAsset asset && (await actors.ActorOfAsync(http)).CanSee(asset.BrandId) && store.Exists(asset.Sha256)
                ? Serve(http, store.OpenRead(asset.Sha256), asset.ContentType, asset.Sha256)
                : Results.NotFound());
        files.MapGet("/{id:int}/thumbnail", async (int id, HttpContext http, MediaLibraryService library, MediaStore store, ActorResolver actors, CancellationToken cancellationToken) =>
            await library.FindAsync(id, cancellationToken) is MediaAsset asset && (await actors.ActorOfAsync(http)).CanSee(asset.BrandId) && File.Exists(store.ThumbnailPathOf(asset.Sha256))
                ? Serve(http, store.OpenThumbnail(asset.Sha256), "image/jpeg", asset.Sha256 + "-thumb")
                : Results.NotFound());
        app.MapGet(MediaPublicLinks.PathPrefix + "{token}", async (string token, HttpContext http, MediaPublicLinks links, MediaLibraryService library, MediaStore store, CancellationToken cancellationToken) =>
            links.Open(token) is { } link && await library.FindAsync(link.AssetId, cancellationToken) is MediaAsset asset && asset.Sha256 == link.Sha256 && store.Exists(asset.Sha256)
                ? Serve(http, store.OpenRead(asset.Sha256), asset.ContentType, asset.Sha256, PublicMaxAge)
                : Results.NotFound()).AllowAnonymous();
        app.MapGet("/sandbox/images/{id:int}", async (int id, HttpContext http, SandboxPlatform platform, CancellationToken cancellationToken) =>
            await platform.ImageAsync(id, cancellationToken) is SandboxImage image
                ? Serve(http, new MemoryStream(image.Data, writable: false), image.ContentType, "sandbox-" + id)
                : Results.NotFound()).RequireAuthorization();
        return app;
    }

    private static readonly TimeSpan SignedInMaxAge = TimeSpan.FromDays(1);

    // Short: a platform fetches once, and nothing between it and Ocma should keep the file long.
    private static readonly TimeSpan PublicMaxAge = TimeSpan.FromMinutes(5);

    private static IResult Serve(HttpContext http, Stream content, string contentType, string tag, TimeSpan? maxAge = null)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = $"private, max-age={(int)(maxAge ?? SignedInMaxAge).TotalSeconds}";
        return Results.Stream(content, contentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{tag}\""), enableRangeProcessing: true);
    }
}
