using System.Globalization;

namespace Extensible.EmbeddedPostgres;

/// <summary>
/// The process that started the cluster's server, recorded beside the cluster so that a later start can tell a server
/// left running by a crashed host (stop it) from one another live host uses (leave it alone).
/// </summary>
internal sealed record ClusterOwner(int ProcessId, long StartTicks, string BootId)
{
    public static ClusterOwner Current { get; } =
        new(Environment.ProcessId, LinuxProcess.StartTicks(Environment.ProcessId) ?? 0, LinuxProcess.BootId);

    public bool IsCurrentProcess => this == Current;

    /// <summary>True while the recorded process runs: same boot, same PID, same start time (so not a reused PID).</summary>
    public bool IsAlive() =>
        BootId == LinuxProcess.BootId && LinuxProcess.StartTicks(ProcessId) == StartTicks;

    public static ClusterOwner? Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        var parts = text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return null;
        }

        return new ClusterOwner(processId, startTicks, parts[2]);
    }

    public void Write(string path) =>
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"{ProcessId} {StartTicks} {BootId}\n"));
}
