using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Extensible.Plugins.Sandbox.Webhooks;

/// <summary>
/// How sandbox webhook deliveries are signed: <c>x-sandbox-signature: sha256=&lt;hex HMAC-SHA256&gt;</c> over
/// <c>"&lt;timestamp&gt;.&lt;body&gt;"</c>, with the Unix time in <c>x-sandbox-timestamp</c> (the scheme Stripe and
/// Slack use). Tests and benchmarks use <see cref="Sign"/> to send deliveries the sandbox accepts.
/// </summary>
public static class SandboxWebhookSignature
{
    /// <summary>The signing key when no API key is set in the sandbox's settings.</summary>
    public const string DefaultKey = "sandbox-webhook-key";

    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeader = "x-sandbox-signature";

    /// <summary>The header carrying the Unix time the delivery was signed at.</summary>
    public const string TimestampHeader = "x-sandbox-timestamp";

    /// <summary>How far a delivery's timestamp may be from the clock (replays older than this are refused).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The signature header's value for a body signed at a moment.</summary>
    /// <param name="key">The signing key.</param>
    /// <param name="timestamp">The Unix time in seconds, as sent in <see cref="TimestampHeader"/>.</param>
    /// <param name="body">The body's exact bytes.</param>
    public static string Sign(string key, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), signed));
    }

    /// <summary>Whether a signature header's value is right for the body and timestamp, compared in constant time.</summary>
    /// <param name="key">The signing key.</param>
    /// <param name="timestamp">The Unix time in seconds the delivery claims.</param>
    /// <param name="body">The body's exact bytes.</param>
    /// <param name="signature">The signature header's value.</param>
    public static bool Verify(string key, long timestamp, ReadOnlySpan<byte> body, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var expected = Encoding.ASCII.GetBytes(Sign(key, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
