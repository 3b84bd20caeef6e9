using SkiaSharp;

namespace Extensible.Publishing.Media;

/// <summary>
/// Images as hostile input: their declared size is read from the header first and refused past the limit before a pixel
/// is decoded (a decompression bomb is a few KB declaring billions of pixels); only then are they decoded, for a thumbnail.
/// Decoding is Skia's (the library Chromium decodes images with); an animated GIF gives its first frame.
/// </summary>
internal sealed class MediaImages(MediaOptions options)
{
    /// <summary>Reads the image's declared dimensions and refuses it past the pixel limit, without decoding it.</summary>
    /// <exception cref="MediaRefusedException">Not a readable image of its type, or too many pixels.</exception>
    public Task<(int Width, int Height)> CheckAsync(Stream file, MediaType type, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var codec = Open(file, type);
        var info = codec.Info;
        var pixels = (long)info.Width * info.Height;
        if (pixels > options.MaxImagePixels)
        {
            throw new MediaRefusedException(
                $"The image declares {info.Width} × {info.Height} pixels ({Megapixels(pixels)} megapixels); the most accepted is {Megapixels(options.MaxImagePixels)} megapixels.");
        }

        return Task.FromResult((info.Width, info.Height));
    }

    /// <summary>Decodes the image (checked already) and returns its upright dimensions and a WebP thumbnail.</summary>
    /// <exception cref="MediaRefusedException">The image's data is broken.</exception>
    public Task<(int Width, int Height, byte[] Thumbnail)> ThumbnailAsync(Stream file, MediaType type, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var codec = Open(file, type);
        var stored = codec.Info;

        // Decoded no larger than the thumbnail needs where the format allows (JPEG decodes at 1/2, 1/4, 1/8 for free).
        var fit = Math.Min(1f, (float)options.ThumbnailSize / Math.Max(stored.Width, stored.Height));
        var decoded = codec.GetScaledDimensions(fit);
        var decodeInfo = new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            throw Unreadable(type, result.ToString());
        }

        // Upright, as people see it (a phone's photo says in EXIF how it was held), then fitted into the thumbnail's square.
        var origin = codec.EncodedOrigin;
        using var turned = origin == SKEncodedOrigin.TopLeft ? null : Orient(bitmap, origin);
        var upright = turned ?? bitmap;
        var (width, height) = Swaps(origin) ? (stored.Height, stored.Width) : (stored.Width, stored.Height);
        var scale = Math.Min(1d, (double)options.ThumbnailSize / Math.Max(width, height));
        var size = new SKSizeI(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
        using var resized = upright.Resize(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw Unreadable(type, "resize");
        using var image = SKImage.FromBitmap(resized);
        // Encoded from pixels: nothing of the original's metadata (EXIF, location) is carried into the thumbnail.
        using var webp = image.Encode(SKEncodedImageFormat.Webp, 75) ?? throw Unreadable(type, "encode");
        return Task.FromResult((width, height, webp.ToArray()));
    }

    private static SKCodec Open(Stream file, MediaType type)
    {
        file.Position = 0;
        // The codec owns the Skia stream; the file stays open for the caller.
        var codec = SKCodec.Create(new SKManagedStream(file, disposeManagedStream: false), out var result);
        if (codec is null || result != SKCodecResult.Success)
        {
            codec?.Dispose();
            throw Unreadable(type, result.ToString());
        }

        if (codec.Info.Width <= 0 || codec.Info.Height <= 0 || !Matches(codec.EncodedFormat, type))
        {
            codec.Dispose();
            throw Unreadable(type, "format");
        }

        return codec;
    }

    // The sniffed type decides; a codec that reads the bytes as another format means the file is not what it starts like.
    private static bool Matches(SKEncodedImageFormat format, MediaType type) => type.ContentType switch
    {
        "image/jpeg" => format == SKEncodedImageFormat.Jpeg,
        "image/png" => format == SKEncodedImageFormat.Png,
        "image/gif" => format == SKEncodedImageFormat.Gif,
        "image/webp" => format == SKEncodedImageFormat.Webp,
        _ => false,
    };

    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (w, h) = (bitmap.Width, bitmap.Height);
        var result = Swaps(origin)
            ? new SKBitmap(new SKImageInfo(h, w, bitmap.ColorType, bitmap.AlphaType))
            : new SKBitmap(new SKImageInfo(w, h, bitmap.ColorType, bitmap.AlphaType));
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1); canvas.Translate(-w, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180); canvas.Translate(-w, -h); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1); canvas.Translate(0, -h); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(-1, 1); canvas.Translate(-w, 0); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(270); break;
        }

        using var pixels = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(pixels, 0, 0, SKSamplingOptions.Default);
        return result;
    }

    // The orientations that turn the image a quarter: its width and height trade places.
    private static bool Swaps(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    private static MediaRefusedException Unreadable(MediaType type, string? reason)
    {
        var message = $"The file starts like a {type.Extension.TrimStart('.').ToUpperInvariant()} image but its data cannot be read: it is damaged or not really an image.";
        return reason is null ? new MediaRefusedException(message) : new MediaRefusedException(message, new InvalidDataException(reason));
    }

    private static string Megapixels(long pixels) => (pixels / 1_000_000d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
