using Extensible.Host.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Extensible.Host.Security.KeyRing;

/// <summary>
/// The data protection key ring: kept in PostgreSQL so every node shares it, encrypted with a certificate kept outside
/// the database, so that a dump alone decrypts no session cookie, two-factor key or plugin secret.
/// </summary>
public static class KeyRingExtensions
{
    /// <summary>
    /// Adds data protection with its keys in PostgreSQL, encrypted with the key ring certificate. The certificate is
    /// loaded (or first created) here; a bad setting throws <see cref="KeyRingException"/> naming it.
    /// </summary>
    public static IHostApplicationBuilder AddExtensibleKeyRing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var settings = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var host = builder.Configuration.GetSection(ExtensibleOptions.Section).Get<ExtensibleOptions>() ?? new ExtensibleOptions();
        var certificates = new KeyRingCertificates(settings, host.DataPath);
        services.AddSingleton(certificates);
        services.AddSingleton<PostgresKeyRepository>();
        // A lifecycle service: its StartingAsync runs before every StartAsync, so before anything loads the key ring.
        services.AddHostedService<KeyRingCheck>();

        services.AddDataProtection()
            .SetApplicationName("Extensible")
            .ProtectKeysWithCertificate(certificates.Current)
            .UnprotectKeysWithAnyCertificate([.. certificates.Previous]);
        services.AddOptions<KeyManagementOptions>()
            .Configure<PostgresKeyRepository>((o, repository) => o.XmlRepository = repository);
        return builder;
    }
}
