using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Ocma.Tests.Support;

/// <summary>
/// A valid PNG that is tiny on disk but huge once decoded: one-bit greyscale rows of zeros compress about a thousand to
/// one, so 30000×30000 pixels fit in about 100 KB while a full decode needs gigabytes.
/// </summary>
public static class PngBomb
{
    public static byte[] Create(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth 1
        header[9] = 0; // greyscale
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", CompressedZeroRows(width, height));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] CompressedZeroRows(int width, int height)
    {
        var row = new byte[1 + ((width + 7) / 8)]; // filter byte 0, then the packed bits, all zero
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    /// <summary>The CRC-32 PNG puts after each chunk (polynomial 0xEDB88320), bit by bit: chunks here are small.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
