using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Extensible.Plugins.Settings;

/// <summary>Encrypts settings secrets at rest with ASP.NET Core Data Protection (keys shared by every node through the database).</summary>
internal sealed class SettingsVault(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Extensible.Plugins.Settings.v1");

    public string Protect(string pluginId, string property, string value) => _protector.CreateProtector(pluginId, property).Protect(value);

    public string? Unprotect(string pluginId, string property, string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return _protector.CreateProtector(pluginId, property).Unprotect(stored);
        }
        catch (CryptographicException)
        {
            // A key that is gone (a restored database without its keys): the secret must be entered again.
            return null;
        }
    }
}
