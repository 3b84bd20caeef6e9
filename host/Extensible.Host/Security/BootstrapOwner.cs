using Extensible.People;
using Extensible.People.Server;

namespace Extensible.Host.Security;

/// <summary>
/// Unattended installs: with <c>Extensible:Bootstrap:OwnerEmail</c> and <c>OwnerPassword</c> set, the first start
/// creates the owner (the first server operator) and a first workspace (and, with <c>ApiToken</c>, an owner API token
/// with that value that carries the operator's rights). Once anyone has an account, those settings are ignored.
/// <c>Extensible:Bootstrap:OperatorEmail</c> names a server operator on any start, when that account exists: the way
/// back in for whoever controls the server's configuration.
/// </summary>
internal sealed class BootstrapOwner(IConfiguration configuration, PeopleDirectory directory, PeopleService people, ServerOperators operators, ILogger<BootstrapOwner> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Extensible:Bootstrap");
        await NameOperatorAsync(section["OperatorEmail"], cancellationToken);
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

    private async Task NameOperatorAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        if (await directory.FindUserByEmailAsync(email.Trim(), cancellationToken) is not { } user)
        {
            SecurityLog.OperatorToNameHasNoAccount(logger, email);
            return;
        }

        if (!user.IsOperator)
        {
            await operators.NameAsync(user.Email, "Extensible:Bootstrap:OperatorEmail", cancellationToken);
            SecurityLog.OperatorNamedFromSettings(logger, user.Email);
        }
    }
}
