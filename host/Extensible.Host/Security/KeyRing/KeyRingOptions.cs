namespace Extensible.Host.Security.KeyRing;

/// <summary>
/// The certificate that encrypts the data protection key ring in the database, bound from <c>Extensible:KeyRing</c>.
/// Without a setting it is <c>keyring.pfx</c> in the data folder, created on the first start.
/// </summary>
public sealed class KeyRingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible:KeyRing";

    /// <summary>The file name of the certificate in the data folder when no setting names one.</summary>
    public const string DefaultFileName = "keyring.pfx";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key; created (mode 0600) when missing.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The same PKCS#12 content as base64, for secret stores that hand over values rather than files.</summary>
    public string? Certificate { get; set; }

    /// <summary>The password of the PKCS#12 content, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Certificates that encrypted the key ring before (PKCS#12 files without a password): keys they encrypted are
    /// re-encrypted with the current certificate at start, after which they may be removed.
    /// </summary>
    public IList<string> PreviousCertificatePaths { get; } = [];
}
