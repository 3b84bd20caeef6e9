namespace Extensible.EmbeddedPostgres;

/// <summary>File modes and paths the way a Unix server needs them.</summary>
internal static class UnixFiles
{
    public const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Private to the owner, but other users (the <c>postgres</c> account) may pass through it.</summary>
    public const UnixFileMode Traversable = Private | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateDirectory(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotOnWindows();
        }

        Directory.CreateDirectory(path, mode);
    }

    public static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotOnWindows();
        }

        File.SetUnixFileMode(path, mode);
    }

    public static bool IsExecutableFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotOnWindows();
        }

        return File.Exists(path)
            && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }

    /// <summary>Writes a new file only its owner can read, failing if it exists.</summary>
    public static void WriteSecret(string path, string content)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotOnWindows();
        }

        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = OwnerReadWrite,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }

    /// <summary>The absolute path with every symbolic link resolved, like realpath(3); the path must exist.</summary>
    public static string RealPath(string path)
    {
        var resolved = "/";
        foreach (var part in Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(resolved, part);
            var target = new DirectoryInfo(candidate).LinkTarget is null
                ? null
                : Directory.ResolveLinkTarget(candidate, returnFinalTarget: true);
            resolved = target is null ? candidate : RealPath(target.FullName);
        }

        return resolved;
    }

    private static PlatformNotSupportedException NotOnWindows() => new("The embedded PostgreSQL runs on Linux only.");
}
