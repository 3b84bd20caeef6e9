using System.Security.Cryptography;
using System.Text.Json;
using Extensible.Sdk.Connectors;
using Microsoft.AspNetCore.DataProtection;

namespace Extensible.Publishing.Accounts;

/// <summary>
/// Encrypts what connectors and Admins hand over (account credentials, a workspace's app credentials) with data
/// protection, purpose <c>Extensible.Publishing.Accounts</c>; the key ring lives in PostgreSQL, shared by every node.
/// The protected text is what events and rows keep: never the values in clear.
/// </summary>
public sealed class CredentialsProtector(IDataProtectionProvider provider)
{
    /// <summary>The data protection purpose.</summary>
    public const string Purpose = "Extensible.Publishing.Accounts";

    private readonly IDataProtector _accounts = provider.CreateProtector(Purpose, "AccountCredentials");
    private readonly IDataProtector _apps = provider.CreateProtector(Purpose, "AppCredentials");

    /// <summary>Encrypts an account's credentials.</summary>
    public string Protect(AccountCredentials credentials) =>
        // The workspace's app is handed to connectors per call, never kept with an account (it would outlive a change).
        _accounts.Protect(JsonSerializer.Serialize(credentials with { App = null }, AccountsJsonContext.Default.AccountCredentials));

    /// <summary>Decrypts an account's credentials.</summary>
    /// <exception cref="CryptographicException">The text was not protected here or its key is gone.</exception>
    public AccountCredentials Unprotect(string protectedCredentials) =>
        JsonSerializer.Deserialize(_accounts.Unprotect(protectedCredentials), AccountsJsonContext.Default.AccountCredentials)
            ?? throw new CryptographicException("The protected credentials are empty.");

    /// <summary>Encrypts a workspace's app credentials for a network.</summary>
    public string ProtectApp(AppCredentials credentials) =>
        _apps.Protect(JsonSerializer.Serialize(credentials, AccountsJsonContext.Default.AppCredentials));

    /// <summary>Decrypts a workspace's app credentials for a network.</summary>
    /// <exception cref="CryptographicException">The text was not protected here or its key is gone.</exception>
    public AppCredentials UnprotectApp(string protectedCredentials) =>
        JsonSerializer.Deserialize(_apps.Unprotect(protectedCredentials), AccountsJsonContext.Default.AppCredentials)
            ?? throw new CryptographicException("The protected app credentials are empty.");
}
