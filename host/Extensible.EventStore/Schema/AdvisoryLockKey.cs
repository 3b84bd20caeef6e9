using System.Text;

namespace Extensible.EventStore.Schema;

/// <summary>Stable 64-bit advisory lock keys (FNV-1a), so every node derives the same key for the same purpose.</summary>
internal static class AdvisoryLockKey
{
    public static long For(string schema, string purpose)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes($"extensible:{schema}:{purpose}"))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
