using Extensible.Publishing.Media;

namespace Extensible.Host.Tests.Publishing.Media;

public sealed class media_types_are_sniffed_from_the_first_bytes
{
    public static TheoryData<byte[], string?> Cases => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1], "image/jpeg" },
        { [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], "image/png" },
        { "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000"u8.ToArray(), "image/gif" },
        { "RIFF\u0000\u0000\u0000\u0000WEBPVP8 "u8.ToArray(), "image/webp" },
        { "\u0000\u0000\u0000\u0018ftypmp42\u0000\u0000\u0000\u0000"u8.ToArray(), "video/mp4" },
        { "\u0000\u0000\u0000\u0014ftypqt  \u0000\u0000\u0000\u0000"u8.ToArray(), "video/quicktime" },
        // HEIF shares the box but is an image the library does not take; an SVG is text (and scriptable); HTML, a PDF, nothing.
        { "\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000"u8.ToArray(), null },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\">"u8.ToArray(), null },
        { "<html><script>alert(1)</script>"u8.ToArray(), null },
        { "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3"u8.ToArray(), null },
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void the_type_comes_from_the_content(byte[] head, string? expected) =>
        Assert.Equal(expected, MediaSniffer.Sniff(head)?.ContentType);
}
