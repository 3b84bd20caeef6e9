using System.Threading.Channels;
using Extensible.Admin.Pages.Plugins;
using Extensible.Admin.Shell;
using Extensible.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extensible.Admin.Live;

/// <summary>
/// Keeps every open Plugins room current: when the catalog says a plugin changed (on this node or, through the event
/// store, on another), it renders the plugins table's rows again and pushes them, with a toast saying what happened,
/// to everyone looking at the room in any workspace — once with the Owners' buttons, once without.
/// </summary>
public sealed partial class PluginRoomUpdates(IServiceProvider services, ConsolePush push, FragmentRenderer renderer, ILogger<PluginRoomUpdates> logger)
    : BackgroundService
{
    private const string RowsPartial = "/Pages/Plugins/_PluginRows.cshtml";

    private readonly Channel<PluginChangedEventArgs> _changes = Channel.CreateUnbounded<PluginChangedEventArgs>(new() { SingleReader = true });

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A host without the plugin runtime (a worker, some test hosts) has no catalog and nothing to push.
        if (services.GetService<IPluginCatalog>() is not { } catalog)
        {
            return;
        }

        void Changed(object? sender, PluginChangedEventArgs change) => _changes.Writer.TryWrite(change);
        catalog.Changed += Changed;
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                // Changes that arrived together are pushed as one table, with a toast each.
                var batch = new List<PluginChangedEventArgs>();
                while (_changes.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                try
                {
                    await PushAsync(catalog, batch, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    PushFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            catalog.Changed -= Changed;
        }
    }

    private async Task PushAsync(IPluginCatalog catalog, List<PluginChangedEventArgs> batch, CancellationToken cancellationToken)
    {
        var plugins = catalog.List();
        var toasts = new List<string>(batch.Count);
        foreach (var change in batch)
        {
            var plugin = plugins.FirstOrDefault(p => p.Id == change.PluginId);
            var name = plugin is null ? change.PluginId : plugin.IsSandbox ? $"{plugin.Name} (sandbox)" : plugin.Name;
            toasts.Add(await renderer.RenderPartialAsync("_Toast", new Toast($"Plugin {name}: {change.What}."), cancellationToken));
        }

        var view = ConsoleRooms.Plugins.Slug;
        foreach (var mayChange in (bool[])[true, false])
        {
            var rows = await renderer.RenderPartialAsync(RowsPartial, new PluginRows(plugins, mayChange), cancellationToken);
            await push.PushSharedAsync(view, mayChange, rows + string.Concat(toasts), cancellationToken);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Could not push a plugin change to the open Plugins rooms; they catch up at their next change or reload")]
    private static partial void PushFailed(ILogger logger, Exception exception);
}
