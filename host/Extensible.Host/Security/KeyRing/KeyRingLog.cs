namespace Extensible.Host.Security.KeyRing;

internal static partial class KeyRingLog
{
    [LoggerMessage(200, LogLevel.Warning, "Created the key ring certificate {Path} (thumbprint {Thumbprint}). It encrypts the data protection keys in the database: back it up apart from the database, and give every node that shares the database a copy")]
    public static partial void CertificateCreated(ILogger logger, string path, string thumbprint);

    [LoggerMessage(201, LogLevel.Warning, "The key ring certificate {Path} can be read by other users: make it readable by its owner only (chmod 600)")]
    public static partial void CertificateReadableByOthers(ILogger logger, string path);

    [LoggerMessage(202, LogLevel.Warning, "Encrypted {Count} data protection key(s) stored in plain text by an earlier version: a database dump made before now still holds them readable (see docs/operations.md, Key material)")]
    public static partial void PlaintextKeysEncrypted(ILogger logger, int count);

    [LoggerMessage(203, LogLevel.Information, "Re-encrypted {Count} data protection key(s) from a previous key ring certificate with the current one ({Thumbprint}); the previous certificate is no longer needed")]
    public static partial void KeysReencrypted(ILogger logger, int count, string thumbprint);
}
