using System.Buffers.Binary;
using System.Text;

namespace Ocma.Core.Media;

/// <summary>What the library keeps about a video: how long it plays and its picture size as shown.</summary>
public sealed record VideoInfo(TimeSpan Duration, int Width, int Height);

/// <summary>
/// Reads an MP4 / QuickTime file's boxes (ISO base media format): the playing time from <c>moov/mvhd</c> (version 0 and 1)
/// and the picture size from the video track's <c>tkhd</c>, turned when the track is rotated a quarter. Nothing is decoded.
/// </summary>
public static class Mp4Reader
{
    /// <summary>Largest <c>moov</c> box read into memory; real ones are kilobytes to a few megabytes.</summary>
    private const long MaxMovieBoxBytes = 32L * 1024 * 1024;

    /// <summary>Duration and size, or null when the boxes are missing, cut short or say nothing playable.</summary>
    public static VideoInfo? Read(string path)
    {
        using var file = File.OpenRead(path);
        var movie = FindMovieBox(file);
        return movie is null ? null : ReadMovie(movie);
    }

    private static byte[]? FindMovieBox(FileStream file)
    {
        var header = new byte[16];
        long position = 0;
        while (position + 8 <= file.Length)
        {
            file.Position = position;
            if (file.ReadAtLeast(header.AsSpan(0, 8), 8, throwOnEndOfStream: false) < 8)
            {
                return null;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerLength = 8;
            if (size == 1)
            {
                if (file.ReadAtLeast(header.AsSpan(8, 8), 8, throwOnEndOfStream: false) < 8)
                {
                    return null;
                }

                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = file.Length - position; // the last box runs to the end of the file
            }

            if (size < headerLength || position + size > file.Length)
            {
                return null;
            }

            if (header.AsSpan(4, 4).SequenceEqual("moov"u8))
            {
                var bodyLength = size - headerLength;
                if (bodyLength > MaxMovieBoxBytes)
                {
                    return null;
                }

                var body = new byte[bodyLength];
                return file.ReadAtLeast(body, body.Length, throwOnEndOfStream: false) == body.Length ? body : null;
            }

            position += size;
        }

        return null;
    }

    private static VideoInfo? ReadMovie(byte[] movie)
    {
        TimeSpan? duration = null;
        (int Width, int Height)? picture = null;
        foreach (var (type, body) in Children(movie))
        {
            if (type == "mvhd")
            {
                duration = ReadMovieHeader(body);
            }
            else if (type == "trak" && picture is null)
            {
                picture = ReadVideoTrack(body);
            }
        }

        return duration is { } d && d > TimeSpan.Zero && picture is { } p ? new VideoInfo(d, p.Width, p.Height) : null;
    }

    private static TimeSpan? ReadMovieHeader(ReadOnlySpan<byte> body)
    {
        // version(1) flags(3); v0: created(4) modified(4) timescale(4) duration(4); v1: created(8) modified(8) timescale(4) duration(8)
        if (body.Length < 4)
        {
            return null;
        }

        var version = body[0];
        var need = version == 1 ? 32 : 20;
        if (version > 1 || body.Length < need)
        {
            return null;
        }

        var timescale = BinaryPrimitives.ReadUInt32BigEndian(body[(version == 1 ? 20 : 12)..]);
        var units = version == 1 ? BinaryPrimitives.ReadUInt64BigEndian(body[24..]) : BinaryPrimitives.ReadUInt32BigEndian(body[16..]);
        if (timescale == 0 || units == ulong.MaxValue || (version == 0 && units == uint.MaxValue))
        {
            return null; // all ones means "unknown"
        }

        var seconds = (double)units / timescale;
        return seconds > TimeSpan.MaxValue.TotalSeconds / 2 ? null : TimeSpan.FromSeconds(seconds);
    }

    private static (int Width, int Height)? ReadVideoTrack(ReadOnlySpan<byte> track)
    {
        (int Width, int Height)? size = null;
        var isVideo = false;
        foreach (var (type, body) in Children(track))
        {
            if (type == "tkhd")
            {
                size = ReadTrackHeader(body);
            }
            else if (type == "mdia")
            {
                isVideo = HandlerOf(body) == "vide";
            }
        }

        return isVideo && size is { Width: > 0, Height: > 0 } ? size : null;
    }

    private static (int Width, int Height)? ReadTrackHeader(ReadOnlySpan<byte> body)
    {
        // after version/flags and the times: reserved(8) layer(2) group(2) volume(2) reserved(2) matrix(36) width(4, 16.16) height(4, 16.16)
        if (body.Length < 4 || body[0] > 1)
        {
            return null;
        }

        var matrixAt = 4 + (body[0] == 1 ? 32 : 20) + 16;
        if (body.Length < matrixAt + 36 + 8)
        {
            return null;
        }

        var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(body[(matrixAt + 36)..]) >> 16);
        var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(body[(matrixAt + 40)..]) >> 16);
        var a = BinaryPrimitives.ReadInt32BigEndian(body[matrixAt..]);
        var b = BinaryPrimitives.ReadInt32BigEndian(body[(matrixAt + 4)..]);
        return a == 0 && b != 0 ? (height, width) : (width, height); // a quarter turn: shown on its side
    }

    private static string? HandlerOf(ReadOnlySpan<byte> media)
    {
        foreach (var (type, body) in Children(media))
        {
            // version/flags(4) pre_defined(4) handler_type(4)
            if (type == "hdlr" && body.Length >= 12)
            {
                return Encoding.ASCII.GetString(body[8..12]);
            }
        }

        return null;
    }

    /// <summary>The boxes directly inside a container; stops at the first box whose size does not fit.</summary>
    private static List<(string Type, byte[] Body)> Children(ReadOnlySpan<byte> container)
    {
        var boxes = new List<(string, byte[])>();
        var at = 0;
        while (at + 8 <= container.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(container[at..]);
            var headerLength = 8;
            if (size == 1 && at + 16 <= container.Length)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(container[(at + 8)..]);
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = container.Length - at;
            }

            if (size < headerLength || at + size > container.Length)
            {
                break;
            }

            boxes.Add((Encoding.ASCII.GetString(container.Slice(at + 4, 4)), container.Slice(at + headerLength, (int)size - headerLength).ToArray()));
            at += (int)size;
        }

        return boxes;
    }
}
