using System.Net;
using System.Net.Sockets;
using System.Text;
using Extensible.Plugins.Network;
using Extensible.Plugins.Tests.Support;
using Extensible.Sdk.Content;
using Extensible.Testing;

namespace Extensible.Plugins.Tests.Network;

/// <summary>
/// A connector calls the server a workspace Admin typed in. Plugins' HTTP calls therefore never reach the host's own
/// machine or private network (loopback, private ranges, cloud metadata) unless the operator allows it; the address is
/// checked where the connection is made, so a host name that resolves to loopback is refused as well.
/// </summary>
public sealed class plugins_stay_off_the_hosts_own_network(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task a_plugin_cannot_call_loopback_by_address_or_by_name()
    {
        using var secret = new SecretService();
        var folders = PluginsHost.NewFolders();
        new FixturePlugin { Id = "acme.by-address", Source = Caller($"http://127.0.0.1:{secret.Port}/secret") }.WriteTo(folders.Installed);
        new FixturePlugin { Id = "acme.by-name", Source = Caller($"http://localhost:{secret.Port}/secret") }.WriteTo(folders.Installed);
        await using var host = await PluginsHost.StartAsync(database.ConnectionString, folders);

        foreach (var id in new[] { "acme.by-address", "acme.by-name" })
        {
            var verdict = await Call(host, id);
            Assert.Equal(RuleOutcome.Warn, verdict.Outcome);
            Assert.Contains("loopback, private or link-local", verdict.Messages.Single());
            Assert.Contains("Extensible:Plugins:AllowPrivateNetworks", verdict.Messages.Single());
        }

        Assert.Equal(0, secret.Connections);
    }

    [Fact]
    public async Task an_operator_can_allow_the_private_network()
    {
        using var secret = new SecretService();
        var folders = PluginsHost.NewFolders();
        new FixturePlugin { Id = "acme.lan", Source = Caller($"http://127.0.0.1:{secret.Port}/secret") }.WriteTo(folders.Installed);
        await using var host = await PluginsHost.StartAsync(database.ConnectionString, folders, "--Extensible:Plugins:AllowPrivateNetworks=true");

        var verdict = await Call(host, "acme.lan");

        Assert.Equal(RuleOutcome.Block, verdict.Outcome);
        Assert.Equal(SecretService.Body, verdict.Messages.Single());
        Assert.Equal(1, secret.Connections);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("100.128.0.1", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2a00:1450:4001:80b::200e", true)]
    [InlineData("::ffff:93.184.216.34", true)]
    public void addresses_are_told_apart(string address, bool isPublic) =>
        Assert.Equal(isPublic, PluginNetworkGuard.IsPublic(IPAddress.Parse(address)));

    private static Task<RuleVerdict> Call(PluginsHost host, string id) =>
        host.Capabilities.ContentRules.Single(r => r.PluginId == id).CallAsync("EvaluateAsync", (r, ct) => r.EvaluateAsync(null!, ct));

    /// <summary>A rule that fetches <paramref name="url"/>: it blocks with the answer, or warns with why the call failed.</summary>
    private static string Caller(string url) => FixturePlugin.RuleSource(evaluate:
        $"context.Http.GetStringAsync(new Uri(\"{url}\"), cancellationToken).ContinueWith(t => t.IsFaulted ? RuleVerdict.Warn(t.Exception!.GetBaseException().Message) : RuleVerdict.Block(t.Result), TaskScheduler.Default)");

    /// <summary>A service on loopback that only the host's own machine should reach; it counts who connected.</summary>
    private sealed class SecretService : IDisposable
    {
        public const string Body = "the-database-password";

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public SecretService()
        {
            _listener.Start();
            _ = ServeAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    var stream = client.GetStream();
                    var request = new byte[4096];
                    _ = await stream.ReadAsync(request, _stop.Token);
                    var answer = $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Body.Length}\r\nConnection: close\r\n\r\n{Body}";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }
    }
}
