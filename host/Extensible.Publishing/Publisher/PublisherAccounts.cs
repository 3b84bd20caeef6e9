using System.Security.Cryptography;
using System.Text.Json;
using Extensible.EventStore;
using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;
using Microsoft.AspNetCore.DataProtection;

namespace Extensible.Publishing.Publisher;

/// <summary>
/// What the publisher needs of connected accounts: their credentials in clear for one call, and saying an account must
/// be connected again. Credentials are kept encrypted with data protection (purpose <see cref="Purpose"/>).
/// </summary>
internal sealed class PublisherAccounts(IDataProtectionProvider protection, EventStore.EventStore store)
{
    /// <summary>The data protection purpose of stored account credentials.</summary>
    public const string Purpose = "Extensible.Publishing.Accounts";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>The account's credentials, or a failure saying it must be connected again.</summary>
    public AccountCredentials Open(string? protectedCredentials)
    {
        if (string.IsNullOrEmpty(protectedCredentials))
        {
            throw PlatformException.NeedsReconnect("The account has no stored credentials; connect it again.");
        }

        try
        {
            return JsonSerializer.Deserialize(_protector.Unprotect(protectedCredentials), PublisherJsonContext.Default.AccountCredentials)
                ?? throw PlatformException.NeedsReconnect("The account's stored credentials are empty; connect it again.");
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            throw PlatformException.NeedsReconnect("The account's stored credentials cannot be read (the key ring changed?); connect it again.");
        }
    }

    /// <summary>Encrypts credentials the way <see cref="Open"/> reads them.</summary>
    public string Protect(AccountCredentials credentials) =>
        _protector.Protect(JsonSerializer.Serialize(credentials, PublisherJsonContext.Default.AccountCredentials));

    /// <summary>Marks the account "needs reconnect": its queue waits until a person connects it again.</summary>
    public Task ReportNeedsReconnectAsync(Guid workspaceId, Guid accountId, string reason, CancellationToken cancellationToken) =>
        store.AppendAsync(PublishingStreams.Account(accountId), ExpectedVersion.Any, [new AccountNeedsReconnect(accountId, workspaceId, reason)],
            new EventMetadata { Tenant = workspaceId.ToString(), User = "publisher" }, cancellationToken);
}
