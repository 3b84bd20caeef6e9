using Extensible.EventStore;
using Extensible.People;
using Extensible.People.ReadModel;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Extensible.Testing.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Extensible.Host.Tests.Publishing;

/// <summary>
/// A host with the sandbox network running (from the host's build output, as shipped) and a fresh database, one per test
/// class. Feature tests add their own helpers in partial files beside this one.
/// </summary>
public partial class PublishingHost : IAsyncLifetime
{
    public const string OwnerEmail = "owner@example.com";

    public const string Password = "correct horse battery";

    private ExtensibleTestHost? _host;

    public ExtensibleTestHost Host => _host ?? throw new InvalidOperationException("Started by InitializeAsync.");

    public IServiceProvider Services => Host.Services;

    public EventStore.EventStore Store => Services.GetRequiredService<EventStore.EventStore>();

    public PeopleService People => Services.GetRequiredService<PeopleService>();

    public PeopleDirectory Directory => Services.GetRequiredService<PeopleDirectory>();

    /// <summary>Extra settings for the host (<c>--Extensible:…=…</c>); set before the host starts.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    // Plugins installed by tests (the fake networks) go to a folder of this host's own: a folder shared with other hosts
    // or left by an earlier run would be found at start-up and its old build run instead of the one installed now.
    private readonly DirectoryInfo _installed = System.IO.Directory.CreateTempSubdirectory("extensible-publishing-plugins-");

    public async Task InitializeAsync()
    {
        _host = await ExtensibleTestHost.StartAsync(await TestPostgres.CreateDatabaseAsync("publishing"), new ExtensibleTestHostOptions
        {
            BundledPluginsFolder = BundledPlugins.HostBuildOutputFolder(),
            InstalledPluginsFolder = _installed.FullName,
            // The inbox's poller stays off unless a class turns it on: it would open the accounts tests make with made-up
            // credentials, fail to decrypt them and mark them "needs reconnect" under the test's feet.
            Arguments = ["--Extensible:Inbox:Polling=false", .. Arguments],
            QuietLogs = true,
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _installed.Delete(recursive: true);
    }

    /// <summary>Sets up the owner and first workspace once per class; later calls return the same.</summary>
    public async Task<(Guid OwnerId, Guid WorkspaceId)> OwnerAsync()
    {
        if (await Directory.FindUserByEmailAsync(OwnerEmail) is { } owner)
        {
            return (owner.Id, (await Directory.WorkspacesOfAsync(owner.Id))[0].WorkspaceId);
        }

        return await People.SetUpAsync(OwnerEmail, "Olive Owner", Password, "Acme");
    }

    /// <summary>One value read straight from the database (the read model's tables live in the store's schema).</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Host.ConnectionString) { SearchPath = Store.Options.Schema }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }
}
