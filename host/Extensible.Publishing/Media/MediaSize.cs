using System.Globalization;

namespace Extensible.Publishing.Media;

/// <summary>Sizes and durations in words ("4.2 MB", "2 min 20 s").</summary>
public static class MediaSize
{
    /// <summary>A size in bytes, in the largest unit that keeps it above one.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024d * 1024 * 1024):0.##} GB"),
    };

    /// <summary>A duration in minutes and seconds.</summary>
    public static string Describe(TimeSpan duration) => duration.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} min {duration.Seconds} s")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s");
}
