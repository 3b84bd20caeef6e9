using System.Text;

namespace Extensible.EmbeddedPostgres;

/// <summary>The server's log file in the data folder, and the excerpts of it that failure messages quote.</summary>
internal sealed class ServerLog(string path)
{
    private const long RotateAtBytes = 10 * 1024 * 1024;

    public string Path => path;

    public long Length => new FileInfo(path).Length;

    /// <summary>Makes sure the file exists (so it can be handed to the server account) and keeps one older generation.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        // pg_ctl appends forever.
        var log = new FileInfo(path);
        if (log.Exists && log.Length > RotateAtBytes)
        {
            log.MoveTo(path + ".1", overwrite: true);
        }

        if (!File.Exists(path))
        {
            await File.WriteAllTextAsync(path, "", cancellationToken);
        }
    }

    public string ReadFrom(long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public string DescribeTail() => Describe(ReadFrom(Math.Max(0, Length - 4096)));

    /// <summary>The last lines of a log excerpt, introduced for a failure message.</summary>
    public string Describe(string excerpt)
    {
        var lines = excerpt.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0
            ? $"The server log {path} says nothing more."
            : $"The server log {path} ends with:\n{string.Join('\n', lines.TakeLast(15))}";
    }
}
