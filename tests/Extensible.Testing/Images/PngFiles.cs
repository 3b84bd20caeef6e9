using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Extensible.Testing.Images;

/// <summary>
/// PNG files written byte by byte (signature, <c>IHDR</c>, one <c>IDAT</c>, <c>IEND</c>), for tests that need a real image
/// without an image file or library, or a hostile one that no library would write.
/// </summary>
public static class PngFiles
{
    /// <summary>An 8-bit RGB PNG declaring <paramref name="width"/> × <paramref name="height"/> one colour fills.</summary>
    public static byte[] Filled(int width, int height, byte red, byte green, byte blue)
    {
        // Each row: filter byte 0, then the pixels.
        var row = new byte[1 + (3 * width)];
        for (var x = 0; x < width; x++)
        {
            (row[1 + (3 * x)], row[2 + (3 * x)], row[3 + (3 * x)]) = (red, green, blue);
        }

        using var rows = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            rows.Write(row);
        }

        return Write(width, height, rows.ToArray(), CompressionLevel.Optimal);
    }

    /// <summary>
    /// An 8-bit RGB PNG declaring <paramref name="width"/> × <paramref name="height"/> whose image data is
    /// <paramref name="data"/> compressed: whether the data fits the size declared is the caller's business (a
    /// decompression bomb declares far more than it holds).
    /// </summary>
    public static byte[] Write(int width, int height, byte[] data, CompressionLevel level)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
        {
            zlib.Write(data);
        }

        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: the files are tiny.
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
