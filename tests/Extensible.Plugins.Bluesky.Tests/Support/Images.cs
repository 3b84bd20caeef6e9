using System.Buffers.Binary;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Tests.Support;

/// <summary>Small images whose headers say their size, as real files' do.</summary>
public static class Images
{
    public static byte[] Png(int width, int height)
    {
        var bytes = new byte[64];
        ((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R']).CopyTo(bytes);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), (uint)height);
        return bytes;
    }

    public static byte[] Jpeg(int width, int height)
    {
        // SOI, an APP0 segment, then a baseline frame header (SOF0) with the size.
        var bytes = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 };
        bytes.AddRange("JFIF\0"u8.ToArray());
        bytes.AddRange(new byte[9]);
        bytes.AddRange([0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03]);
        bytes.AddRange(new byte[32]);
        return [.. bytes];
    }

    public static MediaAttachment Attachment(string name, string type, byte[] bytes, string? alt) => new()
    {
        FileName = name,
        ContentType = type,
        Length = bytes.Length,
        AltText = alt,
        OpenAsync = _ => Task.FromResult<Stream>(new MemoryStream(bytes)),
    };
}
