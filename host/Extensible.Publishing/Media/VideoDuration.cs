using System.Buffers.Binary;

namespace Extensible.Publishing.Media;

/// <summary>Reads a video's duration from its movie header (<c>moov/mvhd</c>) without decoding anything.</summary>
internal static class VideoDuration
{
    /// <summary>The duration an MP4 or QuickTime file declares, or null when it declares none that makes sense.</summary>
    public static async Task<TimeSpan?> ReadAsync(Stream file, CancellationToken cancellationToken)
    {
        var moov = await FindBoxAsync(file, 0, file.Length, "moov", cancellationToken);
        if (moov is not { } movie)
        {
            return null;
        }

        var mvhd = await FindBoxAsync(file, movie.Start, movie.End, "mvhd", cancellationToken);
        if (mvhd is not { } header || header.End - header.Start < 32)
        {
            return null;
        }

        var buffer = new byte[32];
        file.Position = header.Start;
        await file.ReadExactlyAsync(buffer, cancellationToken);
        var (timescale, duration) = buffer[0] == 1
            ? (BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(20)), BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(24)))
            : (BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(12)), BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(16)));
        if (timescale == 0 || duration == ulong.MaxValue || duration == uint.MaxValue)
        {
            return null;
        }

        var seconds = (double)duration / timescale;
        return seconds is > 0 and < 864_000 ? TimeSpan.FromSeconds(seconds) : null;
    }

    // The content (after the header) of the first box of that type between start and end.
    private static async Task<(long Start, long End)?> FindBoxAsync(Stream file, long start, long end, string type, CancellationToken cancellationToken)
    {
        var header = new byte[16];
        var position = start;
        for (var boxes = 0; position + 8 <= end && boxes < 10_000; boxes++)
        {
            file.Position = position;
            await file.ReadExactlyAsync(header.AsMemory(0, 8), cancellationToken);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerSize = 8;
            if (size == 1)
            {
                if (position + 16 > end)
                {
                    return null;
                }

                await file.ReadExactlyAsync(header.AsMemory(8, 8), cancellationToken);
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8)), long.MaxValue);
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = end - position;
            }

            if (size < headerSize || position + size > end)
            {
                return null;
            }

            if (System.Text.Encoding.ASCII.GetString(header, 4, 4) == type)
            {
                return (position + headerSize, position + size);
            }

            position += size;
        }

        return null;
    }
}
