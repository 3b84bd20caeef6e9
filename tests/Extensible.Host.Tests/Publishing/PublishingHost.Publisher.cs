using Extensible.EventStore;
using Extensible.Plugins.Calls;
using Extensible.Publishing;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Publisher;
using Extensible.Sdk.Connectors;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Extensible.Host.Tests.Publishing;

/// <summary>The publisher's helpers: sandbox accounts, scheduled posts, what the read model and the sandbox hold. Static ones work on any host of the database.</summary>
public partial class PublishingHost
{
    public Task<Guid> ConnectSandboxAccountAsync() => ConnectSandboxAccountAsync(Host, OwnerAsync);

    public Task<Guid> SchedulePostAsync(DateTimeOffset due, IReadOnlyList<PostTarget> targets, string text = "Hello from the publisher tests") =>
        SchedulePostAsync(Host, OwnerAsync, due, targets, text);

    public Task<T?> QueryAsync<T>(string sql, params object[] values) => QueryAsync<T>(Host, sql, values);

    /// <summary>Connects a sandbox account through the running connector and stores it as the accounts module does.</summary>
    public static async Task<Guid> ConnectSandboxAccountAsync(ExtensibleTestHost host, Func<Task<(Guid OwnerId, Guid WorkspaceId)>> owner)
    {
        var (ownerId, workspaceId) = await owner();
        var connector = host.Services.GetRequiredService<IPluginCapabilities>().Connectors.Single(c => c.Description.Key == "sandbox");
        var connected = await connector.CallAsync("connect", (c, t) => c.CompleteConnectAsync(new ConnectCompletion { RedirectUri = new Uri("https://host.test/callback") }, t));
        var accountId = Guid.NewGuid();
        var credentials = host.Services.GetRequiredService<CredentialsProtector>().Protect(connected.Credentials);
        await host.Services.GetRequiredService<EventStore.EventStore>().AppendAsync(PublishingStreams.Account(accountId), ExpectedVersion.NoStream,
            [new AccountConnected(accountId, workspaceId, connector.PluginId, "sandbox", connected.PlatformAccountId, connected.Handle, connected.DisplayName,
                connected.ProfileUrl?.ToString(), null, credentials, null, ownerId)],
            new EventMetadata { Tenant = workspaceId.ToString(), User = OwnerEmail });
        return accountId;
    }

    public static async Task<Guid> SchedulePostAsync(ExtensibleTestHost host, Func<Task<(Guid OwnerId, Guid WorkspaceId)>> owner, DateTimeOffset due, IReadOnlyList<PostTarget> targets, string text = "Hello")
    {
        var (ownerId, workspaceId) = await owner();
        var postId = Guid.NewGuid();
        await host.Services.GetRequiredService<EventStore.EventStore>().AppendAsync(PublishingStreams.Post(postId), ExpectedVersion.NoStream,
        [
            new PostDrafted(postId, workspaceId, new PostContentDraft { Text = text }, targets, ownerId),
            new PostScheduled(postId, workspaceId, due, "UTC", due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), false, ownerId),
        ], new EventMetadata { Tenant = workspaceId.ToString(), User = OwnerEmail });
        return postId;
    }

    /// <summary>One value read straight from the database of <paramref name="host"/>.</summary>
    public static async Task<T?> QueryAsync<T>(ExtensibleTestHost host, string sql, params object[] values)
    {
        var schema = host.Services.GetRequiredService<EventStore.EventStore>().Options.Schema;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(host.ConnectionString) { SearchPath = schema }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>One column of the rows a query returns, from the database of <paramref name="host"/>.</summary>
    public static async Task<List<T>> QueryListAsync<T>(ExtensibleTestHost host, string sql, params object[] values)
    {
        var schema = host.Services.GetRequiredService<EventStore.EventStore>().Options.Schema;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(host.ConnectionString) { SearchPath = schema }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetFieldValue<T>(0));
        }

        return list;
    }

    /// <summary>
    /// What the sandbox network received: posts it created (each creation records <c>post_published</c>) and how many
    /// distinct posts they were. A duplicate is a creation beyond the first for one post.
    /// </summary>
    public static async Task<(long Received, long Distinct)> SandboxReceivedAsync(ExtensibleTestHost host)
    {
        const string Published = "from mt_events where type = 'plugin_recorded' and coalesce(data->>'Type', data->>'type') = 'extensible.sandbox.post_published'";
        var received = await QueryAsync<long>(host, $"select count(*) {Published}");
        var distinct = await QueryAsync<long>(host, $"select count(distinct coalesce(data->'Data', data->'data')->>'postId') {Published}");
        return (received, distinct);
    }
}
