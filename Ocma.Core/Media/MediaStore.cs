using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;

namespace Ocma.Core.Media;

/// <summary>
/// Media files under <c>{DataDirectory}/media/&lt;2 hex&gt;/&lt;sha256&gt;</c>, thumbnails beside them as <c>&lt;sha256&gt;.thumb.jpg</c>.
/// Files are written to <c>media/incoming</c> first and moved into place whole, so a half-written file is never visible.
/// </summary>
public sealed class MediaStore(IOptions<StorageOptions> storage)
{
    public string Root => Path.Combine(storage.Value.FullDataDirectory, "media");

    public string IncomingDirectory => Path.Combine(Root, "incoming");

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    public string ThumbnailPathOf(string sha256) => PathOf(sha256) + ".thumb.jpg";

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);

    public Stream OpenThumbnail(string sha256) =>
        new FileStream(ThumbnailPathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, useAsync: true);

    /// <summary>A new, empty file under <c>incoming</c> for one upload.</summary>
    public string NewIncomingPath()
    {
        Directory.CreateDirectory(IncomingDirectory);
        RemoveAbandoned();
        return Path.Combine(IncomingDirectory, Guid.NewGuid().ToString("N") + ".part");
    }

    /// <summary>Copies at most <paramref name="maxBytes"/> + 1 bytes to <paramref name="path"/>; the hash and the count written.</summary>
    public static async Task<(string Sha256, long Length)> CopyHashingAsync(Stream source, string path, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total <= maxBytes && (read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    /// <summary>Moves a finished incoming file into place; when the same content is already stored, keeps that one.</summary>
    public void Commit(string incomingPath, string finalPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        if (File.Exists(finalPath))
        {
            File.Delete(incomingPath);
            return;
        }

        try
        {
            File.Move(incomingPath, finalPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(finalPath))
        {
            File.Delete(incomingPath); // the same content arrived at the same moment: one copy is enough
        }
    }

    /// <summary>
    /// Uploads a crash interrupted leave files in <c>incoming</c>; nothing refers to them, so old ones go. File times come
    /// from the machine's clock, so their age is measured on it too (a marker touched now), never on Ocma's clock.
    /// </summary>
    private void RemoveAbandoned()
    {
        var marker = Path.Combine(IncomingDirectory, Guid.NewGuid().ToString("N") + ".now");
        File.WriteAllBytes(marker, []);
        var cutoff = File.GetLastWriteTimeUtc(marker) - TimeSpan.FromHours(6);
        File.Delete(marker);
        foreach (var file in Directory.EnumerateFiles(IncomingDirectory, "*.part").Where(f => File.GetLastWriteTimeUtc(f) < cutoff))
        {
            DeleteQuietly(file);
        }
    }

    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // a file that cannot be removed now is harmless: it is unreferenced
        }
    }

    /// <summary>Removes a stored file and its thumbnail once no asset refers to it.</summary>
    public void Remove(string sha256)
    {
        DeleteQuietly(ThumbnailPathOf(sha256));
        DeleteQuietly(PathOf(sha256));
    }
}
