namespace Extensible.Publishing.Media;

/// <summary>Recognises a file's type from its first bytes (its magic number), never from its name.</summary>
public static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderLength = 16;

    private static readonly HashSet<string> VideoBrands = new(StringComparer.Ordinal)
    {
        "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "f4v ",
    };

    /// <summary>The accepted type the bytes start like, or null.</summary>
    public static MediaType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head is [0xFF, 0xD8, 0xFF, ..])
        {
            return MediaType.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MediaType.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return MediaType.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return MediaType.Webp;
        }

        // ISO base media: a box size, then "ftyp" and the major brand (HEIF images share the box: only video brands count).
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            return brand == "qt  " ? MediaType.QuickTime : VideoBrands.Contains(brand) ? MediaType.Mp4 : null;
        }

        return null;
    }
}
