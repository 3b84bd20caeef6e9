using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Extensible.Benchmarks;

/// <summary>
/// Console clients of the live hub (<c>/hubs/console</c>, WebSockets, a session cookie, as a browser opens it), each
/// watching the <c>inbox</c> view: notes when each client first sees each item's marker in a <c>swap</c> push.
/// </summary>
internal sealed class InboxConsoles : IAsyncDisposable
{
    private readonly List<HubConnection> _hubs = [];
    private readonly ConcurrentDictionary<(int Client, int Item), TimeSpan> _seen = new();
    private readonly Stopwatch _clock;
    private long _swaps;

    private InboxConsoles(Stopwatch clock) => _clock = clock;

    /// <summary>How many swap messages arrived, across clients.</summary>
    public long Swaps => Interlocked.Read(ref _swaps);

    /// <summary>How many (client, item) sightings there are.</summary>
    public int Sightings => _seen.Count;

    /// <summary>The marker for item <paramref name="item"/> of run <paramref name="run"/>: letters and digits only, so HTML encoding leaves it alone.</summary>
    public static string Marker(string run, int item) => $"livemark{run}n{item:D6}z";

    public static async Task<InboxConsoles> OpenAsync(Uri host, string cookie, int clients, string run, Stopwatch clock, CancellationToken cancellationToken)
    {
        var consoles = new InboxConsoles(clock);
        var pattern = new Regex($"livemark{run}n([0-9]{{6}})z", RegexOptions.CultureInvariant);
        try
        {
            for (var client = 0; client < clients; client++)
            {
                var hub = new HubConnectionBuilder()
                    .WithUrl(new Uri(host, "/hubs/console"), HttpTransportType.WebSockets, o => o.Headers["Cookie"] = cookie)
                    .Build();
                consoles._hubs.Add(hub);
                var index = client;
                hub.On<string>("swap", html => consoles.Received(index, html, pattern));
                await hub.StartAsync(cancellationToken);
                await hub.InvokeAsync("JoinView", "inbox", cancellationToken);
            }

            return consoles;
        }
        catch
        {
            await consoles.DisposeAsync();
            throw;
        }
    }

    /// <summary>When client <paramref name="client"/> first saw item <paramref name="item"/>, on the shared clock, or null.</summary>
    public TimeSpan? SeenAt(int client, int item) => _seen.TryGetValue((client, item), out var at) ? at : null;

    private void Received(int client, string html, Regex pattern)
    {
        var at = _clock.Elapsed;
        Interlocked.Increment(ref _swaps);
        foreach (Match match in pattern.Matches(html))
        {
            _seen.TryAdd((client, int.Parse(match.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture)), at);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }
    }
}
