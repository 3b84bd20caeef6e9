using System.Security.Cryptography;
using System.Text;

namespace Extensible.People;

/// <summary>Random link and token secrets; only their SHA-256 is stored.</summary>
internal static class Secrets
{
    public static string New(int bytes = 32) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
