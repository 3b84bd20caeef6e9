using Microsoft.AspNetCore.SignalR;

namespace Extensible.Admin.Live;

/// <summary>
/// Sends HTML fragments to the browsers of a workspace (or of one view in it) through <see cref="ConsoleHub"/>.
/// The browser hands each fragment to htmx, which applies its <c>hx-swap-oob</c> elements to the page.
/// </summary>
public sealed class ConsolePush(IHubContext<ConsoleHub> hub, FragmentRenderer renderer, ViewAudience audience)
{
    /// <summary>
    /// Sends <paramref name="html"/> to everyone in <paramref name="workspaceId"/>, or only to those looking at
    /// <paramref name="view"/>. The HTML must come from Razor (see <see cref="PushPartialAsync"/>): never build it by
    /// concatenating text people wrote.
    /// </summary>
    public Task PushHtmlAsync(string workspaceId, string? view, string html, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentNullException.ThrowIfNull(html);
        var group = view is null ? ConsoleGroups.Workspace(workspaceId) : ConsoleGroups.View(workspaceId, view);
        return hub.Clients.Group(group).SendAsync(ConsoleHub.SwapMethod, html, cancellationToken);
    }

    /// <summary>Whether anyone on this node looks at <paramref name="view"/> in <paramref name="workspaceId"/>: a push nobody receives need not be rendered.</summary>
    public bool IsWatched(string workspaceId, string view) => audience.Any(ConsoleGroups.View(workspaceId, view));

    /// <summary>Whether anyone of the workspace has a console open on this node (what goes to every page is worth making).</summary>
    public bool IsConnected(string workspaceId) => audience.Any(ConsoleGroups.Workspace(workspaceId));

    /// <summary>Renders <paramref name="partial"/> (see <see cref="FragmentRenderer"/>) with <paramref name="model"/> and pushes it.</summary>
    public async Task PushPartialAsync(string workspaceId, string? view, string partial, object? model, CancellationToken cancellationToken = default)
    {
        var html = await renderer.RenderPartialAsync(partial, model, cancellationToken);
        await PushHtmlAsync(workspaceId, view, html, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="html"/> to everyone, in every workspace, looking at the shared <paramref name="view"/> (see
    /// <see cref="ConsoleGroups.SharedViews"/>) who may change what it shows, or to those who may only read it.
    /// </summary>
    public Task PushSharedAsync(string view, bool mayChange, string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        return hub.Clients.Group(ConsoleGroups.Shared(view, mayChange)).SendAsync(ConsoleHub.SwapMethod, html, cancellationToken);
    }

    /// <summary>Shows <paramref name="message"/> (plain text, encoded here) as a toast to everyone in <paramref name="workspaceId"/>.</summary>
    public Task ToastAsync(string workspaceId, string message, CancellationToken cancellationToken = default) =>
        ToastAsync(workspaceId, new Toast(message), cancellationToken);

    /// <summary>Shows <paramref name="toast"/> to everyone in <paramref name="workspaceId"/>.</summary>
    public Task ToastAsync(string workspaceId, Toast toast, CancellationToken cancellationToken = default) =>
        PushPartialAsync(workspaceId, view: null, "_Toast", toast, cancellationToken);
}
