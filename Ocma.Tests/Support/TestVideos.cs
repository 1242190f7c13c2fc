using System.Buffers.Binary;
using System.Text;

namespace Ocma.Tests.Support;

/// <summary>
/// Small MP4 / QuickTime files built box by box for tests: <c>ftyp</c>, <c>moov</c> (<c>mvhd</c> and one video <c>trak</c>
/// with <c>tkhd</c> and <c>mdia/hdlr</c>) and an <c>mdat</c> of filler. Enough structure for the library to read; not playable.
/// </summary>
public static class TestVideos
{
    public static byte[] Mp4(TimeSpan duration, int width = 1280, int height = 720, int headerVersion = 0, string brand = "isom", bool movieAtEnd = false, int filler = 256, bool rotated = false)
    {
        var ftyp = Box("ftyp", [.. Ascii(brand), .. U32(0x200), .. Ascii(brand), .. Ascii("mp41")]);
        var moov = Box("moov", [.. MovieHeader(duration, headerVersion), .. Track(duration, width, height, headerVersion, "vide", rotated)]);
        var mdat = Box("mdat", new byte[filler]);
        return movieAtEnd ? [.. ftyp, .. mdat, .. moov] : [.. ftyp, .. moov, .. mdat];
    }

    public static byte[] QuickTime(TimeSpan duration, int width = 1920, int height = 1080) => Mp4(duration, width, height, brand: "qt  ");

    /// <summary>An MP4 that has only a sound track: no picture to read a size from.</summary>
    public static byte[] AudioOnly(TimeSpan duration) =>
        [.. Box("ftyp", [.. Ascii("M4A "), .. U32(0), .. Ascii("isom")]), .. Box("moov", [.. MovieHeader(duration, 0), .. Track(duration, 0, 0, 0, "soun", false)])];

    /// <summary>A file that starts like an MP4 but stops inside its <c>moov</c> box.</summary>
    public static byte[] CutShort(TimeSpan duration)
    {
        var whole = Mp4(duration, movieAtEnd: true);
        return whole[..(whole.Length - 40)];
    }

    private static byte[] MovieHeader(TimeSpan duration, int version)
    {
        const uint timescale = 1000;
        var units = (ulong)Math.Round(duration.TotalSeconds * timescale);
        var body = version == 1
            ? (byte[])[1, 0, 0, 0, .. U64(0), .. U64(0), .. U32(timescale), .. U64(units)]
            : [0, 0, 0, 0, .. U32(0), .. U32(0), .. U32(timescale), .. U32((uint)units)];
        // rate, volume, reserved, matrix, pre_defined, next track id
        return Box("mvhd", [.. body, .. U32(0x00010000), 0x01, 0x00, .. new byte[10], .. Matrix(false), .. new byte[24], .. U32(2)]);
    }

    private static byte[] Track(TimeSpan duration, int width, int height, int version, string handler, bool rotated)
    {
        var units = (ulong)Math.Round(duration.TotalSeconds * 1000);
        var times = version == 1
            ? (byte[])[1, 0, 0, 3, .. U64(0), .. U64(0), .. U32(1), .. U32(0), .. U64(units)]
            : [0, 0, 0, 3, .. U32(0), .. U32(0), .. U32(1), .. U32(0), .. U32((uint)units)];
        var tkhd = Box("tkhd", [.. times, .. new byte[8], 0, 0, 0, 0, 0, 0, 0, 0, .. Matrix(rotated), .. U32((uint)width << 16), .. U32((uint)height << 16)]);
        var hdlr = Box("hdlr", [0, 0, 0, 0, .. U32(0), .. Ascii(handler), .. new byte[12], .. Ascii("Video"), 0]);
        return Box("trak", [.. tkhd, .. Box("mdia", hdlr)]);
    }

    private static byte[] Matrix(bool quarterTurn) => quarterTurn
        ? [.. U32(0), .. U32(0x00010000), .. U32(0), .. U32(0xFFFF0000), .. U32(0), .. U32(0), .. U32(0), .. U32(0), .. U32(0x40000000)]
        : [.. U32(0x00010000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x00010000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x40000000)];

    private static byte[] Box(string type, byte[] body) => [.. U32((uint)(body.Length + 8)), .. Ascii(type), .. body];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }
}
