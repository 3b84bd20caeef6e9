using Extensible.Plugins.Bluesky.Network;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Testing;

namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>
/// The Bluesky connector in the SDK's plugin harness, its HTTP going to the reference network through a real handler
/// (the harness still records every request), its clock at the real time (record keys and dates are made from it).
/// </summary>
public sealed class BlueskyOnTheNetwork : IDisposable
{
    public const string PluginId = "extensible.bluesky";

    private BlueskyOnTheNetwork(AtprotoNetwork network, PluginHarness harness)
    {
        Network = network;
        Harness = harness;
        Connector = harness.Connector(BlueskyProfile.Key);
    }

    public AtprotoNetwork Network { get; }

    public PluginHarness Harness { get; }

    public IPlatformConnector Connector { get; }

    /// <summary>The connector pointed at the network's PDS; <paramref name="proxyHeader"/> says whether it names the network's AppView in <c>atproto-proxy</c> or sends no header.</summary>
    public static BlueskyOnTheNetwork Start(AtprotoNetwork network, bool proxyHeader = true)
    {
        var harness = PluginHarness.Create<BlueskyPlugin>(
            new BlueskySettings { DefaultPds = network.Pds.ToString(), AppViewProxy = proxyHeader ? network.AppViewProxy : null },
            PluginId);
        harness.Http.ForwardUnscriptedTo(network.Handler);
        harness.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        return new BlueskyOnTheNetwork(network, harness);
    }

    /// <summary>Connects <paramref name="account"/> as a person does in the console: handle, app password and the PDS address.</summary>
    public async Task<ConnectedAccount> ConnectAsync(AtprotoAccount account, string? appPassword = null)
    {
        var redirect = new Uri("https://extensible.test/accounts/connect/callback");
        var start = await Connector.BeginConnectAsync(new ConnectRequest(redirect, "state"), CancellationToken.None);
        return await Connector.CompleteConnectAsync(new ConnectCompletion
        {
            RedirectUri = redirect,
            Verifier = start.Verifier,
            Fields = new Dictionary<string, string>
            {
                [BlueskyConnector.HandleField] = account.Handle,
                [BlueskyConnector.AppPasswordField] = appPassword ?? account.AppPassword,
                [BlueskyConnector.PdsField] = Network.Pds.ToString(),
            },
        }, CancellationToken.None);
    }

    /// <summary>Publishes <paramref name="text"/> (and thread parts, media) as the account, under a fresh idempotency key.</summary>
    public Task<PublishedPost> PublishAsync(ConnectedAccount account, string text, IReadOnlyList<string>? threadParts = null,
        IReadOnlyList<MediaAttachment>? media = null, string? idempotencyKey = null)
    {
        var kind = ContentKinds.Text
            | (threadParts is { Count: > 0 } ? ContentKinds.Thread : ContentKinds.None)
            | (media is { Count: > 0 } ? ContentKinds.Image : ContentKinds.None);
        return Connector.PublishAsync(new PublishRequest
        {
            Account = account.Credentials,
            IdempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString("N"),
            Content = new PostContent { Kind = kind, Text = text, ThreadParts = threadParts ?? [], Media = media ?? [] },
        }, CancellationToken.None);
    }

    /// <summary>Polls the inbox from <paramref name="cursor"/> until <paramref name="wanted"/> items have arrived (the AppView indexes in the background).</summary>
    /// <remarks>On a time-out the failure tells what the connector returned and what the AppView lists, so a slow network and a connector that misses notifications look different.</remarks>
    public async Task<(List<InboxItem> Items, string? Cursor)> PollUntilAsync(ConnectedAccount account, AtprotoAccount raw, string? cursor, Func<IReadOnlyList<InboxItem>, bool> wanted, string what)
    {
        var items = new List<InboxItem>();
        var cursors = new List<string?> { cursor };
        try
        {
            await Extensible.Testing.Eventually.HoldsAsync(async () =>
            {
                var page = await Connector.PollInboxAsync(account.Credentials, cursor, CancellationToken.None);
                items.AddRange(page.Items);
                if (page.NextCursor != cursor)
                {
                    cursors.Add(page.NextCursor);
                }

                cursor = page.NextCursor ?? cursor;
                return wanted(items);
            }, what);
        }
        catch (Xunit.Sdk.XunitException timedOut)
        {
            var listed = await Network.Xrpc.QueryAsync(Network.Pds, "app.bsky.notification.listNotifications", "limit=50", raw.AccessJwt);
            throw new Xunit.Sdk.XunitException(
                $"{timedOut.Message}{Environment.NewLine}The connector returned: {string.Join(", ", items.Select(i => $"{i.Kind} {i.PlatformItemId}"))}" +
                $"{Environment.NewLine}Its cursors: {string.Join(" | ", cursors)}" +
                $"{Environment.NewLine}The AppView lists: {string.Join(", ", listed.GetProperty("notifications").EnumerateArray().Select(n => $"{n.GetProperty("reason")} {n.GetProperty("uri")} indexedAt {n.GetProperty("indexedAt")}"))}");
        }

        return (items, cursor);
    }

    public void Dispose() => Harness.Dispose();
}
