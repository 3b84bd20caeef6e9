namespace Extensible.Host.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(1, LogLevel.Information, "Extensible is running at {Addresses} (data: {DataPath}, plugins: {PluginsPath})")]
    public static partial void Listening(ILogger logger, string addresses, string dataPath, string pluginsPath);
}
