using System.IO.Compression;
using Extensible.Testing.Images;
using SkiaSharp;

namespace Extensible.Host.Tests.Publishing.Media;

/// <summary>Files for the media tests, made here: real images drawn with Skia, and hostile ones written byte by byte.</summary>
internal static class TestImages
{
    public static byte[] Png(int width = 640, int height = 480, byte shade = 80) => Encode(width, height, shade, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 800, int height = 600, byte shade = 120) => Encode(width, height, shade, SKEncodedImageFormat.Jpeg);

    /// <summary>
    /// A JPEG <paramref name="width"/> × <paramref name="height"/>, red on its left half and blue on its right, whose EXIF
    /// says it is shown turned a quarter clockwise (orientation 6: how a phone held upright stores a photo).
    /// </summary>
    public static byte[] TurnedJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, x < width / 2 ? SKColors.Red : SKColors.Blue);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        var jpeg = data.ToArray();
        // APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation (0x0112, SHORT) = 6; placed right after SOI.
        byte[] tiff = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        byte[] app1 = [0xFF, 0xE1, 0, (byte)(2 + 6 + tiff.Length), .. "Exif\0\0"u8, .. tiff];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>The colour at the given fraction of an encoded image's width and height.</summary>
    public static SKColor ColourAt(Stream image, double x, double y)
    {
        using var copy = new MemoryStream();
        image.CopyTo(copy);
        using var bitmap = SKBitmap.Decode(copy.ToArray()) ?? throw new InvalidDataException("Not an image Skia reads.");
        return bitmap.GetPixel((int)(x * (bitmap.Width - 1)), (int)(y * (bitmap.Height - 1)));
    }

    /// <summary>The width and height an encoded image declares.</summary>
    public static (int Width, int Height) Dimensions(Stream image)
    {
        using var copy = new MemoryStream();
        image.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("Not an image Skia reads.");
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>A valid PNG header declaring <paramref name="width"/> × <paramref name="height"/> pixels, with a few KB of compressed zeros as its data.</summary>
    public static byte[] Bomb(int width = 30_000, int height = 30_000) => PngFiles.Write(width, height, new byte[4 * 1024 * 1024], CompressionLevel.SmallestSize);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static byte[] Encode(int width, int height, byte shade, SKEncodedImageFormat format)
    {
        // A gradient with noise in one channel, seeded by the shade: each image is its own file, and none compresses to nothing.
        var noise = new Random(shade);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)noise.Next(256)));
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
