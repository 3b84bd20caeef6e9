using Extensible.People;

namespace Extensible.Host.Security;

/// <summary>
/// Unattended installs: with <c>Extensible:Bootstrap:OwnerEmail</c> and <c>OwnerPassword</c> set, the first start
/// creates the owner and a first workspace (and, with <c>ApiToken</c>, an owner API token with that value). Once
/// anyone has an account, the settings are ignored.
/// </summary>
internal sealed class BootstrapOwner(IConfiguration configuration, PeopleDirectory directory, PeopleService people, ILogger<BootstrapOwner> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Extensible:Bootstrap");
        var email = section["OwnerEmail"];
        var password = section["OwnerPassword"];
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password) || await directory.AnyUserAsync(cancellationToken))
        {
            return;
        }

        var (userId, workspaceId) = await people.SetUpAsync(email, section["OwnerName"] ?? "Owner", password, section["WorkspaceName"] ?? "My workspace", cancellationToken);
        if (section["ApiToken"] is { Length: > 0 } token)
        {
            await people.CreateApiTokenWithValueAsync(workspaceId, userId, token, email, cancellationToken);
        }

        SecurityLog.OwnerBootstrapped(logger, email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
