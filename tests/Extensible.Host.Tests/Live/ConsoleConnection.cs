using Extensible.Admin.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Extensible.Host.Tests.Live;

/// <summary>A console connection to <see cref="ConsoleHub"/> over WebSockets with a session cookie, as a browser opens it.</summary>
public sealed class ConsoleConnection : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConsoleConnection(HubConnection hub)
    {
        Hub = hub;
        hub.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public HubConnection Hub { get; }

    /// <summary>Opens a connection carrying <paramref name="cookie"/> (a <c>Cookie</c> header).</summary>
    public static async Task<ConsoleConnection> OpenAsync(Uri host, string cookie)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host, ConsoleHub.Path), HttpTransportType.WebSockets, o => o.Headers["Cookie"] = cookie)
            .Build();
        var connection = new ConsoleConnection(hub);
        await hub.StartAsync();
        return connection;
    }

    /// <summary>Starts receiving the pushes of <paramref name="view"/>; throws when the server refuses.</summary>
    public Task JoinViewAsync(string view) => Hub.InvokeAsync(nameof(ConsoleHub.JoinView), view);

    /// <summary>Completes when the server closes the connection; fails the test when it stays open too long.</summary>
    public Task ClosedAsync() => _closed.Task.WaitAsync(Patience);

    public bool IsClosed => _closed.Task.IsCompleted;

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
