using Extensible.Plugins.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Publishing.Accounts;

/// <summary>Registers connected accounts' services.</summary>
public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the credentials protector, the account directory and vault, the connect states, the account service and the
    /// background refresher, with <see cref="AccountsOptions"/> bound to <c>Extensible:Publishing:Accounts</c>.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section);
        services.AddSingleton<CredentialsProtector>();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<AccountVault>();
        services.AddSingleton<IRenewedCredentialsKeeper>(sp => sp.GetRequiredService<AccountVault>());
        services.AddSingleton<ConnectStates>();
        services.AddSingleton<AccountService>();
        services.AddHostedService<AccountRefresher>();
        return services;
    }
}
