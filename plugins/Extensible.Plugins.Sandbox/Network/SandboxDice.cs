using System.Text;

namespace Extensible.Plugins.Sandbox.Network;

/// <summary>
/// Deterministic dice: the same seed always rolls the same numbers, on every machine and every run (unlike
/// <see cref="string.GetHashCode()"/> or <see cref="Random.Shared"/>), so the sandbox's traffic can be replayed.
/// </summary>
internal sealed class SandboxDice
{
    private ulong _state;

    private SandboxDice(ulong seed) => _state = seed;

    /// <summary>Dice seeded by the given parts.</summary>
    public static SandboxDice For(params string[] parts)
    {
        // FNV-1a over the parts' UTF-8 bytes, each part closed by a separator byte.
        var hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(part))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            hash = (hash ^ 0x1F) * 1099511628211UL;
        }

        return new SandboxDice(hash);
    }

    /// <summary>The next 64 random bits (SplitMix64).</summary>
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A number in [0, <paramref name="count"/>).</summary>
    public int Below(int count) => count <= 0 ? 0 : (int)(Next() % (ulong)count);

    /// <summary>One of the items.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>An index chosen in proportion to the weights (all zero: the first).</summary>
    public int Weighted(IReadOnlyList<int> weights)
    {
        var total = weights.Sum();
        if (total <= 0)
        {
            return 0;
        }

        var roll = Below(total);
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
