using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Extensible.Host.Tests.Publishing.Media;

/// <summary>Files for the media tests, made here: real images drawn with ImageSharp, and hostile ones written byte by byte.</summary>
internal static class TestImages
{
    public static byte[] Png(int width = 640, int height = 480, byte shade = 80) => Encode(width, height, shade, (image, stream) => image.SaveAsPng(stream));

    public static byte[] Jpeg(int width = 800, int height = 600, byte shade = 120) => Encode(width, height, shade, (image, stream) => image.SaveAsJpeg(stream));

    /// <summary>A valid PNG header declaring <paramref name="width"/> × <paramref name="height"/> pixels, with a few KB of compressed zeros as its data.</summary>
    public static byte[] Bomb(int width = 30_000, int height = 30_000)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[4 * 1024 * 1024]);
        }

        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static byte[] Encode(int width, int height, byte shade, Action<Image, Stream> save)
    {
        // A gradient with noise in one channel, seeded by the shade: each image is its own file, and none compresses to nothing.
        var noise = new Random(shade);
        using var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)noise.Next(256));
            }
        }

        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
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
}
