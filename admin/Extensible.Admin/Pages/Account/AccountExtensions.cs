using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Admin.Pages;

/// <summary>Registers what the console's account pages need.</summary>
public static class AccountExtensions
{
    /// <summary>Adds <see cref="ConsoleSignIn"/>.</summary>
    public static IServiceCollection AddConsoleAccounts(this IServiceCollection services) => services.AddScoped<ConsoleSignIn>();
}
