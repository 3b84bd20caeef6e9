using System.Globalization;

namespace Extensible.EmbeddedPostgres;

/// <summary>
/// Reads the cluster's <c>postmaster.pid</c> and decides whether the process it names is really this cluster's server,
/// or a leftover from a crash whose PID is dead or now belongs to some other process.
/// </summary>
internal static class PostmasterPidFile
{
    public static string PathIn(string clusterDirectory) => Path.Combine(clusterDirectory, "postmaster.pid");

    /// <summary>The PID the file names; null when there is no file, -1 when its first line is not a PID.</summary>
    public static int? ReadProcessId(string clusterDirectory)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(PathIn(clusterDirectory));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return lines.Length > 0 && int.TryParse(lines[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? pid
            : -1;
    }

    /// <summary>
    /// True when the process is a PostgreSQL server running in this cluster: a postmaster changes into its data
    /// directory, so its working directory must be the cluster folder and its program must be postgres.
    /// </summary>
    public static bool IsServerOf(int processId, string clusterDirectory)
    {
        if (processId <= 0 || !LinuxProcess.IsAlive(processId))
        {
            return false;
        }

        var commandLine = LinuxProcess.CommandLine(processId);
        var program = commandLine.Count > 0 ? Path.GetFileName(commandLine[0]) : "";
        if (program is not ("postgres" or "postmaster"))
        {
            return false;
        }

        var workingDirectory = LinuxProcess.WorkingDirectory(processId);
        return workingDirectory is not null && workingDirectory == UnixFiles.RealPath(clusterDirectory);
    }
}
