using System.Globalization;

namespace Extensible.EmbeddedPostgres;

/// <summary>What <c>/proc</c> tells about a process: whether it lives, when it started, what it runs and where.</summary>
internal static class LinuxProcess
{
    /// <summary>The kernel's id for this boot; start times only compare within one boot.</summary>
    public static string BootId { get; } = ReadOrEmpty("/proc/sys/kernel/random/boot_id").Trim();

    /// <summary>The process's start time in clock ticks since boot, or null when it is gone or a zombie.</summary>
    public static long? StartTicks(int processId)
    {
        var stat = ReadOrEmpty($"/proc/{processId}/stat");
        // The command name in parentheses may itself contain spaces and parentheses: fields follow the last ')'.
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state); starttime is field 22.
        if (fields.Length < 20 || fields[0] == "Z" || fields[0] == "X")
        {
            return null;
        }

        return long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    public static bool IsAlive(int processId) => StartTicks(processId) is not null;

    /// <summary>The process's arguments, or an empty list when it is gone or unreadable.</summary>
    public static IReadOnlyList<string> CommandLine(int processId) =>
        ReadOrEmpty($"/proc/{processId}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The process's working directory, or null when it is gone or belongs to a user we may not inspect.</summary>
    public static string? WorkingDirectory(int processId)
    {
        try
        {
            return new DirectoryInfo($"/proc/{processId}/cwd").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
