namespace Extensible.Admin.Pages.Plugins;

/// <summary>
/// What the console accepts as an uploaded plugin before handing it to the runtime, which checks the rest (its own size
/// limit, <c>Extensible:Plugins:MaxArchiveBytes</c>, the paths, the manifest).
/// </summary>
public static class PluginUpload
{
    /// <summary>The largest upload the console takes in: 64 MiB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The request limit of the upload: the archive and the rest of the form.</summary>
    public const long MaxRequestBytes = MaxBytes + (1024 * 1024);

    /// <summary>What is wrong with an upload before it is opened, or <see langword="null"/> when it may go to the runtime.</summary>
    /// <param name="fileName">The file's name as the browser sent it.</param>
    /// <param name="length">Its length in bytes.</param>
    public static string? Problem(string? fileName, long length)
    {
        if (string.IsNullOrEmpty(fileName) || length == 0)
        {
            return "Choose a plugin archive (.zip) to upload.";
        }

        if (!fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return "A plugin is uploaded as a .zip archive: its published folder, zipped, with plugin.json at the top.";
        }

        return length > MaxBytes
            ? $"The archive is {length / (1024 * 1024)} MiB; the console accepts plugins up to {MaxBytes / (1024 * 1024)} MiB."
            : null;
    }
}
