using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Extensible.Host.Security.KeyRing;

/// <summary>
/// The key ring certificate (and earlier ones being retired), loaded when the host is built from the configured file
/// or value, or from <c>keyring.pfx</c> in the data folder, which is created on the first start.
/// </summary>
public sealed class KeyRingCertificates : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Loads (or first creates) the certificates; a bad setting throws <see cref="KeyRingException"/> naming it.</summary>
    /// <param name="settings">The <c>Extensible:KeyRing</c> settings.</param>
    /// <param name="dataPath">The data folder, where the default certificate file lives.</param>
    public KeyRingCertificates(KeyRingOptions settings, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.IsNullOrWhiteSpace(settings.Certificate))
        {
            if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
            {
                throw new KeyRingException($"Both {KeyRingOptions.Section}:Certificate and {KeyRingOptions.Section}:CertificatePath are set: set only one.");
            }

            Source = $"the setting {KeyRingOptions.Section}:Certificate";
            Current = FromBase64(settings.Certificate, settings.CertificatePassword);
        }
        else
        {
            var path = Path.GetFullPath(string.IsNullOrWhiteSpace(settings.CertificatePath)
                ? Path.Combine(dataPath, KeyRingOptions.DefaultFileName)
                : settings.CertificatePath);
            Source = string.IsNullOrWhiteSpace(settings.CertificatePath)
                ? $"the file {path} (the default; {KeyRingOptions.Section}:CertificatePath sets another)"
                : $"the file {path} ({KeyRingOptions.Section}:CertificatePath)";
            File = path;
            if (System.IO.File.Exists(path))
            {
                Current = FromFile(path, settings.CertificatePassword, "CertificatePath");
                ReadableByOthers = !OperatingSystem.IsWindows() && (System.IO.File.GetUnixFileMode(path) & GroupOrOthers) != 0;
            }
            else
            {
                (Current, Created) = Create(path, settings.CertificatePassword);
            }
        }

        Previous = [.. settings.PreviousCertificatePaths.Select(p => FromFile(Path.GetFullPath(p), null, "PreviousCertificatePaths"))];
    }

    /// <summary>The certificate new keys are encrypted with.</summary>
    public X509Certificate2 Current { get; }

    /// <summary>Certificates being retired: keys they encrypted are still read, and re-encrypted with <see cref="Current"/>.</summary>
    public IReadOnlyList<X509Certificate2> Previous { get; }

    /// <summary>Where <see cref="Current"/> came from, in words for an operator.</summary>
    public string Source { get; }

    /// <summary>The file <see cref="Current"/> was read from, or null when it came from a setting's value.</summary>
    public string? File { get; }

    /// <summary>Whether <see cref="File"/> was created by this start.</summary>
    public bool Created { get; }

    /// <summary>Whether <see cref="File"/> may be read by users other than its owner.</summary>
    public bool ReadableByOthers { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Current.Dispose();
        foreach (var certificate in Previous)
        {
            certificate.Dispose();
        }
    }

    private static X509Certificate2 FromBase64(string value, string? password)
    {
        byte[] content;
        try
        {
            content = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new KeyRingException($"{KeyRingOptions.Section}:Certificate is not base64: it must be the base64 of a PKCS#12 (.pfx) file, e.g. `base64 -w0 keyring.pfx`.");
        }

        try
        {
            return WithPrivateKey(X509CertificateLoader.LoadPkcs12(content, password, X509KeyStorageFlags.EphemeralKeySet), $"{KeyRingOptions.Section}:Certificate");
        }
        catch (CryptographicException e)
        {
            throw new KeyRingException($"{KeyRingOptions.Section}:Certificate is not a PKCS#12 certificate this password opens ({e.Message}). Check it and {KeyRingOptions.Section}:CertificatePassword.", e);
        }
    }

    private static X509Certificate2 FromFile(string path, string? password, string setting)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new KeyRingException($"{KeyRingOptions.Section}:{setting} names {path}, which does not exist.");
        }

        try
        {
            return WithPrivateKey(X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet), path);
        }
        catch (CryptographicException e)
        {
            throw new KeyRingException($"The key ring certificate {path} ({KeyRingOptions.Section}:{setting}) cannot be opened ({e.Message}): it must be a PKCS#12 (.pfx) file with its private key; check {KeyRingOptions.Section}:CertificatePassword.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new KeyRingException($"The key ring certificate {path} ({KeyRingOptions.Section}:{setting}) cannot be read by this process: {e.Message}", e);
        }
    }

    private static X509Certificate2 WithPrivateKey(X509Certificate2 certificate, string where)
    {
        if (certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new KeyRingException($"The key ring certificate from {where} has no RSA private key: it must hold both.");
        }

        return certificate;
    }

    // A self-signed certificate is all EncryptedXml needs: nobody validates a chain, only the RSA key pair matters.
    private static (X509Certificate2 Certificate, bool Created) Create(string path, string? password)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Extensible data protection key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var content = created.Export(X509ContentType.Pkcs12, password);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var creation = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            creation.UnixCreateMode = OwnerOnly;
        }

        using (var file = new FileStream(temporary, creation))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }

        try
        {
            // Never overwrites: when another process created the file first, everyone uses that one.
            System.IO.File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (System.IO.File.Exists(path))
        {
            System.IO.File.Delete(temporary);
            return (FromFile(path, password, "CertificatePath"), false);
        }

        return (X509CertificateLoader.LoadPkcs12(content, password, X509KeyStorageFlags.EphemeralKeySet), true);
    }
}
