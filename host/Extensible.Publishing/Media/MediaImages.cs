using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Processing;

namespace Extensible.Publishing.Media;

/// <summary>
/// Images as hostile input: their declared size is read from the header first and refused past the limit before a pixel
/// is decoded (a decompression bomb is a few KB declaring billions of pixels); only then are they decoded, for a thumbnail.
/// </summary>
internal sealed class MediaImages
{
    private readonly MediaOptions _options;
    private readonly Configuration _configuration;

    public MediaImages(MediaOptions options)
    {
        _options = options;
        // Only the accepted formats; animated GIFs decode their first frame only; no single buffer beyond the largest accepted image.
        _configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = (int)Math.Clamp(options.MaxImagePixels * 8 / (1024 * 1024) + 16, 16, 4096),
            }),
        };
        _configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
    }

    /// <summary>Reads the image's declared dimensions and refuses it past the pixel limit, without decoding it.</summary>
    /// <exception cref="MediaRefusedException">Not a readable image of its type, or too many pixels.</exception>
    public async Task<(int Width, int Height)> CheckAsync(Stream file, MediaType type, CancellationToken cancellationToken)
    {
        file.Position = 0;
        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(_configuration, file, cancellationToken);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidMemoryOperationException or EndOfStreamException or NotSupportedException)
        {
            throw Unreadable(type, e);
        }

        if (info is null || info.Width <= 0 || info.Height <= 0)
        {
            throw Unreadable(type, null);
        }

        var pixels = (long)info.Width * info.Height;
        if (pixels > _options.MaxImagePixels)
        {
            throw new MediaRefusedException(
                $"The image declares {info.Width} × {info.Height} pixels ({Megapixels(pixels)} megapixels); the most accepted is {Megapixels(_options.MaxImagePixels)} megapixels.");
        }

        return (info.Width, info.Height);
    }

    /// <summary>Decodes the image (checked already) and returns its upright dimensions and a WebP thumbnail.</summary>
    /// <exception cref="MediaRefusedException">The image's data is broken.</exception>
    public async Task<(int Width, int Height, byte[] Thumbnail)> ThumbnailAsync(Stream file, MediaType type, CancellationToken cancellationToken)
    {
        file.Position = 0;
        try
        {
            using var image = await Image.LoadAsync(_configuration, file, cancellationToken);
            image.Mutate(x => x.AutoOrient());
            var (width, height) = (image.Width, image.Height);
            image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(_options.ThumbnailSize, _options.ThumbnailSize), Mode = ResizeMode.Max }));
            image.Metadata.ExifProfile = null;
            using var thumbnail = new MemoryStream();
            await image.SaveAsWebpAsync(thumbnail, new WebpEncoder { Quality = 75 }, cancellationToken);
            return (width, height, thumbnail.ToArray());
        }
        catch (Exception e) when (e is ImageFormatException or InvalidMemoryOperationException or EndOfStreamException or NotSupportedException)
        {
            throw Unreadable(type, e);
        }
    }

    private static MediaRefusedException Unreadable(MediaType type, Exception? e)
    {
        var message = $"The file starts like a {type.Extension.TrimStart('.').ToUpperInvariant()} image but its data cannot be read: it is damaged or not really an image.";
        return e is null ? new MediaRefusedException(message) : new MediaRefusedException(message, e);
    }

    private static string Megapixels(long pixels) => (pixels / 1_000_000d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
