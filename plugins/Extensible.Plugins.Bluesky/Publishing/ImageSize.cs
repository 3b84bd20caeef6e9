using System.Buffers.Binary;

namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>Reads an image's width and height from its header (PNG, JPEG, GIF, WebP), for the post's <c>aspectRatio</c>.</summary>
internal static class ImageSize
{
    /// <summary>The image's size in pixels, or <see langword="null"/> when the header is not one of the known formats.</summary>
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> image)
    {
        var size = Png(image) ?? Gif(image) ?? WebP(image) ?? Jpeg(image);
        return size is { Width: > 0, Height: > 0 } ? size : null;
    }

    private static (int Width, int Height)? Png(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && b.Slice(12, 4).SequenceEqual("IHDR"u8)
            ? (Clamp(BinaryPrimitives.ReadUInt32BigEndian(b[16..])), Clamp(BinaryPrimitives.ReadUInt32BigEndian(b[20..])))
            : null;

    private static (int Width, int Height)? Gif(ReadOnlySpan<byte> b) =>
        b.Length >= 10 && (b[..6].SequenceEqual("GIF87a"u8) || b[..6].SequenceEqual("GIF89a"u8))
            ? (BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]))
            : null;

    private static (int Width, int Height)? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30 || !b[..4].SequenceEqual("RIFF"u8) || !b.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var chunk = b.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (1 + (b[24] | (b[25] << 8) | (b[26] << 16)), 1 + (b[27] | (b[28] << 8) | (b[29] << 16)));
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        return null;
    }

    private static (int Width, int Height)? Jpeg(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8)
        {
            return null;
        }

        var at = 2;
        while (at + 9 < b.Length)
        {
            if (b[at] != 0xFF)
            {
                return null;
            }

            var marker = b[at + 1];
            if (marker is 0xFF)
            {
                at++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(at + 2)..]);
            // Start-of-frame markers carry the size; C4 (Huffman tables), C8 and CC are not frames.
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(b[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(at + 5)..]));
            }

            if (length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    private static int Clamp(uint value) => value > int.MaxValue ? 0 : (int)value;
}
