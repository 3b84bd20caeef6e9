using Extensible.Host.Tests.Support;
using Extensible.People;
using Extensible.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Extensible.Host.Tests.People;

/// <summary>A clock the tests move by hand.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>A real host over a fresh database per test class, not set up yet, with a clock the tests control.</summary>
public sealed class PeopleHost : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    private TestHost? _host;
    private string _connectionString = "";

    public ManualClock Clock { get; } = new();

    public PeopleService People => Host.Services.GetRequiredService<PeopleService>();

    public PeopleDirectory Directory => Host.Services.GetRequiredService<PeopleDirectory>();

    public IServiceProvider Services => Host.Services;

    private TestHost Host => _host ?? throw new InvalidOperationException("Started by InitializeAsync.");

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync("people");
        _host = await TestHost.StartAsync(_connectionString, builder => builder.Services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Sets up the owner and first workspace once per class; later calls return the same.</summary>
    public async Task<(Guid OwnerId, Guid WorkspaceId)> OwnerAsync()
    {
        if (await Directory.FindUserByEmailAsync("owner@example.com") is { } owner)
        {
            return (owner.Id, (await Directory.WorkspacesOfAsync(owner.Id))[0].WorkspaceId);
        }

        return await People.SetUpAsync("owner@example.com", "Olive Owner", Password, "Acme");
    }

    /// <summary>Someone who joined the workspace by invitation with <paramref name="role"/>.</summary>
    public async Task<(Guid UserId, string Email)> MemberAsync(Guid workspaceId, Role role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var secret = await People.InviteAsync(workspaceId, email, role, Role.Owner, "owner@example.com");
        return (await People.AcceptInvitationAsync(secret, $"{role} Person", Password), email);
    }

    /// <summary>How many events are stored, to show that refused input stored nothing.</summary>
    public async Task<long> EventCountAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand("select count(*) from extensible.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
