using Extensible.Testing.Mail;
using Microsoft.Extensions.Hosting;

namespace Extensible.Testing.Hosts;

/// <summary>How an <see cref="ExtensibleTestHost"/> differs from the plain host: its folders, its mail server, extra settings.</summary>
public sealed record ExtensibleTestHostOptions
{
    /// <summary>Extra command-line settings (<c>--Extensible:…=…</c>), given after the fixture's own so they win.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Changes the host's services before it is built, e.g. a <c>FakeTimeProvider</c> as its clock.</summary>
    public Action<IHostApplicationBuilder>? Configure { get; init; }

    /// <summary>The host's data folder (its key ring certificate lives there); the host's default when not set.</summary>
    public string? DataFolder { get; init; }

    /// <summary>Where installed plugins go (<c>Extensible:PluginsDir</c>); the host's default when not set.</summary>
    public string? InstalledPluginsFolder { get; init; }

    /// <summary>Where bundled plugins are read from (<c>Extensible:Plugins:BundledPath</c>); the host's default when not set.</summary>
    public string? BundledPluginsFolder { get; init; }

    /// <summary>A mail server the host sends through; none configured when not set.</summary>
    public FakeSmtpServer? Mail { get; init; }

    /// <summary>Only warnings and errors are logged, for suites whose output would drown in information.</summary>
    public bool QuietLogs { get; init; }

    /// <summary>The command-line settings these options stand for.</summary>
    internal IEnumerable<string> ToArguments()
    {
        if (DataFolder is not null)
        {
            yield return $"--Extensible:DataDir={DataFolder}";
        }

        if (InstalledPluginsFolder is not null)
        {
            yield return $"--Extensible:PluginsDir={InstalledPluginsFolder}";
        }

        if (BundledPluginsFolder is not null)
        {
            yield return $"--Extensible:Plugins:BundledPath={BundledPluginsFolder}";
        }

        if (QuietLogs)
        {
            yield return "--Logging:LogLevel:Default=Warning";
        }

        foreach (var argument in Mail?.HostArguments() ?? [])
        {
            yield return argument;
        }

        foreach (var argument in Arguments)
        {
            yield return argument;
        }
    }
}
