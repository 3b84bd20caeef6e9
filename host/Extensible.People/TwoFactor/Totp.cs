using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Extensible.People.TwoFactor;

/// <summary>
/// One-time codes as authenticator apps make them: HOTP (RFC 4226) over HMAC-SHA1, and TOTP (RFC 6238) with
/// 30-second steps counted from the Unix epoch.
/// </summary>
public static class Totp
{
    /// <summary>Digits in a code.</summary>
    public const int Digits = 6;

    /// <summary>Seconds in a time step.</summary>
    public const int StepSeconds = 30;

    /// <summary>The HOTP value of <paramref name="counter"/> (RFC 4226 §5.3), <paramref name="digits"/> long with leading zeros.</summary>
    public static string Hotp(ReadOnlySpan<byte> key, long counter, int digits = Digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 9);
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        // SHA-1 is what authenticator apps compute (RFC 6238's default); HMAC-SHA1 has no known practical weakness.
#pragma warning disable CA5350
        HMACSHA1.HashData(key, message, hash);
#pragma warning restore CA5350

        // Dynamic truncation: four bytes at the offset the last nibble names, without the sign bit.
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulo = 1;
        for (var i = 0; i < digits; i++)
        {
            modulo *= 10;
        }

        return (binary % modulo).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The time step <paramref name="at"/> falls in.</summary>
    public static long TimeStep(DateTimeOffset at) => Math.DivRem(at.ToUnixTimeSeconds(), StepSeconds).Quotient;

    /// <summary>The TOTP code at <paramref name="at"/>.</summary>
    public static string Code(ReadOnlySpan<byte> key, DateTimeOffset at, int digits = Digits) => Hotp(key, TimeStep(at), digits);

    /// <summary>
    /// The time step <paramref name="code"/> belongs to, looking one step either side of <paramref name="now"/> for a
    /// clock that drifts or a code typed late; null when it matches none.
    /// </summary>
    public static long? Match(ReadOnlySpan<byte> key, string? code, DateTimeOffset now)
    {
        if (code is not { Length: Digits } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var current = TimeStep(now);
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hotp(key, step)), Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }
}
