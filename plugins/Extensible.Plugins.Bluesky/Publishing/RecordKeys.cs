using System.Security.Cryptography;
using System.Text;
using Extensible.Sdk;

namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>
/// The record key each publish writes under, chosen once per idempotency key and kept in the plugin store before the
/// record is created: a retry with the same key writes under the same key, so the PDS cannot hold the post twice.
/// (Posts need TID keys, so the host's key cannot be the record key itself.)
/// </summary>
internal sealed class RecordKeys(IPluginContext context)
{
    /// <summary>The record key of part <paramref name="part"/> (0 for the post, 1… for thread parts), and whether it was chosen earlier.</summary>
    public async Task<(string RecordKey, bool ChosenBefore)> ForAsync(string did, string idempotencyKey, int part, CancellationToken cancellationToken)
    {
        var storeKey = StoreKey(did, idempotencyKey, part);
        if (await context.Store.GetAsync(storeKey, cancellationToken).ConfigureAwait(false) is { } known && Tid.IsValid(known))
        {
            return (known, true);
        }

        var hash = Hash(idempotencyKey);
        var rkey = Tid.Create(context.Time.GetUtcNow(), part, (hash[0] << 8) | hash[1]);
        await context.Store.SetAsync(storeKey, rkey, cancellationToken).ConfigureAwait(false);
        return (rkey, false);
    }

    /// <summary>The record key chosen earlier for a part, or <see langword="null"/> when no publish with that key began.</summary>
    public Task<string?> FindAsync(string did, string idempotencyKey, int part, CancellationToken cancellationToken) =>
        context.Store.GetAsync(StoreKey(did, idempotencyKey, part), cancellationToken);

    // Store keys are at most 200 characters and the host's keys may be longer: the key is hashed.
    private static string StoreKey(string did, string idempotencyKey, int part) =>
        $"rkey:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(did + "\n" + idempotencyKey)))}:{part}";

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
