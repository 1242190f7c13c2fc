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

    /// <summary>
    /// The refusal for a file whose announced size is over the limit, so the browser need not send it; null when it fits.
    /// The kind is guessed from the name here; the bytes decide once they arrive.
    /// </summary>
    public string? SizeProblem(string fileName, long size)
    {
        var limits = options.Value;
        var guessed = MediaSniffer.FindByExtension(fileName);
        var limit = guessed is null ? limits.MaxAnyBytes : limits.LimitFor(guessed);
        return size > limit ? TooLarge(fileName, guessed?.IsVideo ?? false) : null;
    }

    /// <summary>Largest file the browser may send (the larger of the image and video limits).</summary>
    public long MaxUploadBytes => options.Value.MaxAnyBytes;

    public long MaxImageBytes => options.Value.MaxUploadBytes;

    public long MaxVideoBytes => options.Value.MaxVideoBytes;

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

            var (sha, length, kind, width, height, duration) = stored.Value;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await db.MediaAssets.AsNoTracking().SingleOrDefaultAsync(a => a.BrandId == upload.BrandId && a.Sha256 == sha, cancellationToken);
            if (!kind.IsVideo)
            {
                store.Commit(thumbnail, store.ThumbnailPathOf(sha));
            }

            store.Commit(incoming, store.PathOf(sha));
            if (existing is not null)
            {
                return existing; // the same image is already in the library: one asset, keeping its alt text and usage
            }

            var asset = new MediaAsset
            {
                BrandId = upload.BrandId, Sha256 = sha, FileName = fileName, ContentType = kind.ContentType, Length = length,
                Width = width, Height = height, DurationSeconds = duration?.TotalSeconds, UploadedById = actor.UserId, UploadedByName = actor.Name, UploadedUtc = time.GetUtcNow().UtcDateTime,
            };
            db.MediaAssets.Add(asset);
            audit.Add(db, actor, "media.uploaded", $"media {fileName}", $"{kind.ContentType}, {width}×{height}{(duration is { } d ? ", " + MediaDuration.Describe(d) : "")}, {length:N0} bytes");
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

    private async Task<Result<Received>> ReceiveAsync(MediaUpload upload, string incoming, string thumbnail, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var (sha, length) = await MediaStore.CopyHashingAsync(upload.Content, incoming, limits.MaxAnyBytes, cancellationToken);
        if (length > limits.MaxAnyBytes)
        {
            return Result.Fail<Received>(TooLarge(upload.FileName, limits.MaxVideoBytes >= limits.MaxUploadBytes));
        }

        if (length == 0)
        {
            return Result.Fail<Received>($"'{upload.FileName}' is empty.");
        }

        var kind = await SniffAsync(incoming, cancellationToken);
        var problem = MediaTypeCheck.Problem(upload.FileName, upload.DeclaredContentType, kind, limits.EffectiveAllowedTypes);
        if (problem is not null)
        {
            return Result.Fail<Received>(problem);
        }

        if (length > limits.LimitFor(kind!))
        {
            return Result.Fail<Received>(TooLarge(upload.FileName, kind!.IsVideo));
        }

        if (kind!.IsVideo)
        {
            return Mp4Reader.Read(incoming) is { } video
                ? new Received(sha, length, kind, video.Width, video.Height, video.Duration)
                : Result.Fail<Received>($"'{upload.FileName}' starts like {kind.Spoken} but its length and picture size cannot be read: it may be damaged or cut short. Export it again and retry.");
        }

        if (ImageReader.Dimensions(incoming) is not (int width, int height))
        {
            return Result.Fail<Received>(Unreadable(upload.FileName, kind));
        }

        if ((long)width * height > limits.MaxImagePixels)
        {
            return Result.Fail<Received>(
                $"'{upload.FileName}' is {width:N0}×{height:N0} pixels, more than the {MediaSize.DescribePixels(limits.MaxImagePixels)} limit (Media:MaxImagePixels). Resize it and retry.");
        }

        if (!ImageReader.WriteThumbnail(incoming, thumbnail))
        {
            return Result.Fail<Received>(Unreadable(upload.FileName, kind));
        }

        return new Received(sha, length, kind, width, height, null);
    }

    private static string Unreadable(string fileName, MediaKind kind) =>
        $"'{fileName}' starts like {kind.Spoken} but cannot be read as one: it may be damaged. Export it again and retry.";

    private sealed record Received(string Sha, long Length, MediaKind Kind, int Width, int Height, TimeSpan? Duration);

    private string TooLarge(string fileName, bool video) => video
        ? $"'{fileName}' is larger than the {MediaSize.Describe(options.Value.MaxVideoBytes)} video upload limit (Media:MaxVideoBytes). Use a shorter or more compressed video."
        : $"'{fileName}' is larger than the {MediaSize.Describe(options.Value.MaxUploadBytes)} upload limit (Media:MaxUploadBytes). Use a smaller file.";

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
            name = "file";
        }

        return name.Length <= MaxFileNameLength ? name : name[..(MaxFileNameLength - Path.GetExtension(name).Length)] + Path.GetExtension(name);
    }
}
