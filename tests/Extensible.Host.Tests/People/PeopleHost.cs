using Extensible.People;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Extensible.Host.Tests.People;

/// <summary>A real host over a fresh database per test class, not set up yet, with a clock the tests control.</summary>
public sealed class PeopleHost : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    private ExtensibleTestHost? _host;

    /// <summary>The host's clock: it starts now and moves only with <see cref="FakeTimeProvider.Advance"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public PeopleService People => Host.Services.GetRequiredService<PeopleService>();

    public PeopleDirectory Directory => Host.Services.GetRequiredService<PeopleDirectory>();

    public IServiceProvider Services => Host.Services;

    private ExtensibleTestHost Host => _host ?? throw new InvalidOperationException("Started by InitializeAsync.");

    public async Task InitializeAsync()
    {
        _host = await ExtensibleTestHost.StartAsync(await TestPostgres.CreateDatabaseAsync("people"), new ExtensibleTestHostOptions { Configure = builder => builder.Services.AddSingleton<TimeProvider>(Clock) });
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
    public Task<long> EventCountAsync() => Host.StoredEventCountAsync();
}
