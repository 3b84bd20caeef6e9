using System.Security.Cryptography;
using System.Text.Json;
using Extensible.Sdk.Connectors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace Extensible.Publishing.Accounts;

/// <summary>
/// Encrypts what connectors and Admins hand over (account credentials, a workspace's app credentials) with data
/// protection, purpose <c>Extensible.Publishing.Accounts</c>; the key ring lives in PostgreSQL, shared by every node.
/// The protected text is what events and rows keep: never the values in clear.
/// </summary>
public sealed class CredentialsProtector(IDataProtectionProvider provider) : IDisposable
{
    /// <summary>The data protection purpose.</summary>
    public const string Purpose = "Extensible.Publishing.Accounts";

    private readonly IDataProtector _accounts = provider.CreateProtector(Purpose, "AccountCredentials");
    private readonly IDataProtector _apps = provider.CreateProtector(Purpose, "AppCredentials");

    // What a protected text decrypted to, for a while: a burst of posts for one account (10,000 targets due at one
    // instant) decrypted the same text for every target. The text changes whenever the credentials do (a refresh, a
    // reconnect), so an entry is never stale; it expires so that a revoked data-protection key stops working soon.
    private static readonly TimeSpan DecryptedFor = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _decrypted = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>Encrypts an account's credentials.</summary>
    public string Protect(AccountCredentials credentials) =>
        // The workspace's app is handed to connectors per call, never kept with an account (it would outlive a change).
        _accounts.Protect(JsonSerializer.Serialize(credentials with { App = null }, AccountsJsonContext.Default.AccountCredentials));

    /// <summary>Decrypts an account's credentials.</summary>
    /// <exception cref="CryptographicException">The text was not protected here or its key is gone.</exception>
    public AccountCredentials Unprotect(string protectedCredentials)
    {
        ArgumentNullException.ThrowIfNull(protectedCredentials);
        if (!_decrypted.TryGetValue(protectedCredentials, out AccountCredentials? known) || known is null)
        {
            known = JsonSerializer.Deserialize(_accounts.Unprotect(protectedCredentials), AccountsJsonContext.Default.AccountCredentials)
                ?? throw new CryptographicException("The protected credentials are empty.");
            _decrypted.Set(protectedCredentials, known, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = DecryptedFor });
        }

        // A copy per caller: a connector that changes the values it was handed changes them for itself alone.
        return known with { Values = new Dictionary<string, string>(known.Values, StringComparer.Ordinal) };
    }

    /// <summary>Encrypts a workspace's app credentials for a network.</summary>
    public string ProtectApp(AppCredentials credentials) =>
        _apps.Protect(JsonSerializer.Serialize(credentials, AccountsJsonContext.Default.AppCredentials));

    /// <summary>Decrypts a workspace's app credentials for a network.</summary>
    /// <exception cref="CryptographicException">The text was not protected here or its key is gone.</exception>
    public AppCredentials UnprotectApp(string protectedCredentials) =>
        JsonSerializer.Deserialize(_apps.Unprotect(protectedCredentials), AccountsJsonContext.Default.AppCredentials)
            ?? throw new CryptographicException("The protected app credentials are empty.");

    /// <inheritdoc />
    public void Dispose() => _decrypted.Dispose();
}
