using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Extensible.Host.Security.KeyRing;

/// <summary>
/// Before anything else starts (and before the framework loads the key ring, which would only log a failure), makes
/// sure every key in the database is encrypted with the current certificate: keys stored in plain text by an earlier
/// version and keys of a previous certificate are re-encrypted; keys nobody here can decrypt stop the start.
/// </summary>
internal sealed class KeyRingCheck(PostgresKeyRepository repository, KeyRingCertificates certificates, IServiceProvider services, ILoggerFactory loggers)
    : IHostedLifecycleService
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";
    private static readonly XName X509Certificate = XNamespace.Get("http://www.w3.org/2000/09/xmldsig#") + "X509Certificate";

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Extensible.Host.KeyRing");
        if (certificates.Created)
        {
            KeyRingLog.CertificateCreated(logger, certificates.File!, certificates.Current.Thumbprint);
        }

        if (certificates.ReadableByOthers)
        {
            KeyRingLog.CertificateReadableByOthers(logger, certificates.File!);
        }

        var current = certificates.Current.Thumbprint;
        var encryptor = new CertificateXmlEncryptor(certificates.Current, loggers);
        var decryptor = new EncryptedXmlDecryptor(services);
        var unreadable = new List<(string Key, string? Thumbprint)>();
        var updates = new List<(StoredKey Stored, XElement Key)>();
        int fromPrevious = 0, encryptions = 0;
        foreach (var stored in repository.ReadAll())
        {
            var key = XElement.Parse(stored.Xml);
            foreach (var secret in key.Descendants(EncryptedSecret).Where(s => ThumbprintOf(s) != current).ToList())
            {
                try
                {
                    secret.ReplaceWith(decryptor.Decrypt(secret.Elements().Single()));
                    fromPrevious++;
                }
                catch (Exception e) when (e is CryptographicException or InvalidOperationException)
                {
                    unreadable.Add((stored.Name, ThumbprintOf(secret)));
                }
            }

            var plain = key.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            foreach (var secret in plain)
            {
                var encrypted = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(EncryptedSecret, new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
                encryptions++;
            }

            if (plain.Count > 0)
            {
                updates.Add((stored, key));
            }
        }

        if (unreadable.Count > 0)
        {
            throw new KeyRingException(Unreadable(unreadable));
        }

        foreach (var (stored, key) in updates)
        {
            repository.Replace(stored.Name, stored.Xml, key);
        }

        var plaintext = encryptions - fromPrevious;
        if (plaintext > 0)
        {
            KeyRingLog.PlaintextKeysEncrypted(logger, plaintext);
        }

        if (fromPrevious > 0)
        {
            KeyRingLog.KeysReencrypted(logger, fromPrevious, current);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // EncryptedXml names the recipient's certificate in the key's KeyInfo: enough to tell which certificate is missing.
    private static string? ThumbprintOf(XElement secret)
    {
        var named = secret.Descendants(X509Certificate).FirstOrDefault()?.Value;
        try
        {
            using var certificate = named is null ? null : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(named));
            return certificate?.Thumbprint;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private string Unreadable(List<(string Key, string? Thumbprint)> unreadable)
    {
        var thumbprints = string.Join(", ", unreadable.Select(u => u.Thumbprint ?? "unknown").Distinct());
        return $"The database holds {unreadable.Count} data protection key(s) ({string.Join(", ", unreadable.Select(u => u.Key).Distinct())}) encrypted with "
            + $"a key ring certificate (thumbprint {thumbprints}) other than {certificates.Source}, thumbprint {certificates.Current.Thumbprint}. "
            + "Every node that shares a database needs the same certificate: copy keyring.pfx from the node that made these keys "
            + $"(or point {KeyRingOptions.Section}:CertificatePath or {KeyRingOptions.Section}:Certificate at it). To move to a new certificate, "
            + $"list the old one in {KeyRingOptions.Section}:PreviousCertificatePaths. If it is lost, see docs/operations.md, Key material. Nothing was changed.";
    }
}
