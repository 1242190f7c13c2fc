using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Media;

/// <summary>
/// Takes an uploaded file into the library: size limit, real type from the bytes (a mislabelled file is refused),
/// dimensions, thumbnail, then the content-addressed store. The same bytes uploaded twice are one file and one asset.
/// </summary>
public sealed class MediaUploadService(IDbContextFactory<OcmaDbContext> dbFactory, MediaStore store, IOptions<MediaOptions> options, AuditLog audit, TimeProvider time)
{
    public const int MaxFileNameLength = 200;

    /// <summary>The refusal for a file whose announced size is over the limit, so the browser need not send it; null when it fits.</summary>
    public string? SizeProblem(string fileName, long size) =>
        size > options.Value.MaxUploadBytes ? TooLarge(fileName) : null;

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public async Task<Result<MediaAsset>> UploadAsync(MediaUpload upload, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.CanCompose || actor.UserId is null)
        {
            return Result.Fail<MediaAsset>("Your role cannot add media. Ask an Admin for the Contributor or Editor role.");
        }

        var fileName = CleanName(upload.FileName);
        var incoming = store.NewIncomingPath();
        var thumbnail = incoming + ".thumb.jpg";
        try
        {
            var stored = await ReceiveAsync(upload with { FileName = fileName }, incoming, thumbnail, cancellationToken);
            if (!stored.Succeeded)
            {
                return Result.Fail<MediaAsset>(stored.Error!);
            }

            var (sha, length, kind, width, height) = stored.Value;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await db.MediaAssets.AsNoTracking().SingleOrDefaultAsync(a => a.BrandId == upload.BrandId && a.Sha256 == sha, cancellationToken);
            store.Commit(thumbnail, store.ThumbnailPathOf(sha));
            store.Commit(incoming, store.PathOf(sha));
            if (existing is not null)
            {
                return existing; // the same image is already in the library: one asset, keeping its alt text and usage
            }

            var asset = new MediaAsset
            {
                BrandId = upload.BrandId, Sha256 = sha, FileName = fileName, ContentType = kind.ContentType, Length = length,
                Width = width, Height = height, UploadedById = actor.UserId, UploadedByName = actor.Name, UploadedUtc = time.GetUtcNow().UtcDateTime,
            };
            db.MediaAssets.Add(asset);
            audit.Add(db, actor, "media.uploaded", $"media {fileName}", $"{kind.ContentType}, {width}×{height}, {length:N0} bytes");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return asset;
            }
            catch (DbUpdateException)
            {
                // Someone uploaded the same image at the same moment: theirs is the one asset.
                await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
                return await again.MediaAssets.AsNoTracking().SingleAsync(a => a.BrandId == upload.BrandId && a.Sha256 == sha, cancellationToken);
            }
        }
        finally
        {
            MediaStore.DeleteQuietly(incoming);
            MediaStore.DeleteQuietly(thumbnail);
        }
    }

    private async Task<Result<(string Sha, long Length, MediaKind Kind, int Width, int Height)>> ReceiveAsync(
        MediaUpload upload, string incoming, string thumbnail, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var (sha, length) = await MediaStore.CopyHashingAsync(upload.Content, incoming, limits.MaxUploadBytes, cancellationToken);
        if (length > limits.MaxUploadBytes)
        {
            return Result.Fail<(string, long, MediaKind, int, int)>(TooLarge(upload.FileName));
        }

        if (length == 0)
        {
            return Result.Fail<(string, long, MediaKind, int, int)>($"'{upload.FileName}' is empty.");
        }

        var kind = await SniffAsync(incoming, cancellationToken);
        var problem = MediaTypeCheck.Problem(upload.FileName, upload.DeclaredContentType, kind, limits.EffectiveAllowedTypes);
        if (problem is not null)
        {
            return Result.Fail<(string, long, MediaKind, int, int)>(problem);
        }

        if (ImageReader.Dimensions(incoming) is not (int width, int height) || !ImageReader.WriteThumbnail(incoming, thumbnail))
        {
            return Result.Fail<(string, long, MediaKind, int, int)>($"'{upload.FileName}' starts like a {kind!.Name} but cannot be read as one: it may be damaged. Export it again and retry.");
        }

        return (sha, length, kind!, width, height);
    }

    private string TooLarge(string fileName) =>
        $"'{fileName}' is larger than the {MediaSize.Describe(options.Value.MaxUploadBytes)} upload limit (Media:MaxUploadBytes). Use a smaller file.";

    private static async Task<MediaKind?> SniffAsync(string path, CancellationToken cancellationToken)
    {
        var header = new byte[MediaSniffer.HeaderLength];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return MediaSniffer.Sniff(header.AsSpan(0, read));
    }

    private static string CleanName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0)
        {
            name = "image";
        }

        return name.Length <= MaxFileNameLength ? name : name[..(MaxFileNameLength - Path.GetExtension(name).Length)] + Path.GetExtension(name);
    }
}
