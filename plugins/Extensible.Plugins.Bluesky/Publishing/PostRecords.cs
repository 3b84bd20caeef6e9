using System.Globalization;
using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Network;
using Extensible.Plugins.Bluesky.Sessions;
using Extensible.Plugins.Bluesky.Xrpc;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Publishing;

/// <summary>
/// Writes <c>app.bsky.feed.post</c> records: the text with its facets (mentions resolved to DIDs), <c>createdAt</c>,
/// <c>langs</c>, reply refs and an embed, created under a record key chosen by the caller.
/// </summary>
internal sealed class PostRecords(IPluginContext context, XrpcClient xrpc)
{
    /// <summary>The most bytes a post's text may have (the lexicon's <c>maxLength</c>, next to 300 graphemes).</summary>
    public const int MaxTextBytes = 3000;

    /// <summary>Builds a post record.</summary>
    public async Task<JsonObject> BuildAsync(
        SignedIn account, string text, IReadOnlyList<string> langs, (StrongRef Root, StrongRef Parent)? reply, JsonObject? embed, CancellationToken cancellationToken)
    {
        Check(text, embed is not null);
        var record = new JsonObject
        {
            ["$type"] = AtUri.Post,
            ["text"] = text,
            ["createdAt"] = context.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        var facets = await FacetsAsync(account, text, cancellationToken).ConfigureAwait(false);
        if (facets.Count > 0)
        {
            record["facets"] = facets;
        }

        if (langs.Count > 0)
        {
            record["langs"] = new JsonArray([.. langs.Select(l => (JsonNode)JsonValue.Create(l))]);
        }

        if (reply is var (root, parent))
        {
            record["reply"] = new JsonObject { ["root"] = root.ToJson(), ["parent"] = parent.ToJson() };
        }

        if (embed is not null)
        {
            record["embed"] = embed;
        }

        return record;
    }

    /// <summary>Refuses text Bluesky would refuse, in words.</summary>
    public static void Check(string text, bool hasEmbed)
    {
        var graphemes = TextLength.Count(text, LengthCounting.Graphemes);
        if (graphemes > BlueskyProfile.MaxGraphemes)
        {
            throw PlatformException.Rejected($"The text counts {graphemes} characters; Bluesky takes at most {BlueskyProfile.MaxGraphemes}.");
        }

        if (System.Text.Encoding.UTF8.GetByteCount(text) > MaxTextBytes)
        {
            throw PlatformException.Rejected($"The text is longer than {MaxTextBytes} bytes, which Bluesky refuses.");
        }

        if (string.IsNullOrWhiteSpace(text) && !hasEmbed)
        {
            throw PlatformException.Rejected("A Bluesky post needs text or an image.");
        }
    }

    /// <summary>
    /// Creates the record under <paramref name="rkey"/>. When an earlier attempt may have written it
    /// (<paramref name="mayExist"/>) or the PDS refuses the key as taken, the record already there is the answer.
    /// </summary>
    public async Task<StrongRef> CreateAsync(
        SignedIn account, string collection, string rkey, bool mayExist, Func<Task<JsonObject>> build, CancellationToken cancellationToken)
    {
        if (mayExist && await FindAsync(account, collection, rkey, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            BlueskyLog.PublishFoundAlready(context.Logger, earlier.Uri);
            return earlier;
        }

        var record = await build().ConfigureAwait(false);
        var body = new JsonObject { ["repo"] = account.Did, ["collection"] = collection, ["rkey"] = rkey, ["record"] = record };
        var answer = await xrpc.SendAsync(account, XrpcRequest.Procedure("com.atproto.repo.createRecord", body), cancellationToken).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            // A record under this key already (the answer to an earlier attempt was lost): that attempt is the post.
            if (failure.Exception.Failure is PlatformFailure.Rejected or PlatformFailure.Retryable
                && await FindAsync(account, collection, rkey, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                BlueskyLog.PublishFoundAlready(context.Logger, existing.Uri);
                return existing;
            }

            throw failure.Exception;
        }

        return Read(answer.Json!) ?? throw PlatformException.Retryable("The PDS answered createRecord without the record's uri and cid.");
    }

    /// <summary>The record under a key of the account's repository, or <see langword="null"/>.</summary>
    public async Task<StrongRef?> FindAsync(SignedIn account, string collection, string rkey, CancellationToken cancellationToken)
    {
        var found = await xrpc.FindAsync(
            account, XrpcRequest.Query("com.atproto.repo.getRecord", ("repo", account.Did), ("collection", collection), ("rkey", rkey)), cancellationToken)
            .ConfigureAwait(false);
        return found is null ? null : Read(found);
    }

    /// <summary>Deletes a record of the account's repository (deleting one that is gone succeeds).</summary>
    public Task DeleteAsync(SignedIn account, AtUri uri, CancellationToken cancellationToken) =>
        xrpc.CallAsync(account, XrpcRequest.Procedure("com.atproto.repo.deleteRecord",
            new JsonObject { ["repo"] = account.Did, ["collection"] = uri.Collection, ["rkey"] = uri.RecordKey }), cancellationToken);

    private static StrongRef? Read(JsonObject json) =>
        Json.Text(json, "uri") is { } uri && Json.Text(json, "cid") is { } cid ? new StrongRef(uri, cid) : null;

    private async Task<JsonArray> FacetsAsync(SignedIn account, string text, CancellationToken cancellationToken)
    {
        var facets = new JsonArray();
        foreach (var facet in RichText.Detect(text))
        {
            JsonObject feature;
            switch (facet.Kind)
            {
                case FacetKind.Link:
                    feature = new JsonObject { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = facet.Value };
                    break;
                case FacetKind.Tag:
                    feature = new JsonObject { ["$type"] = "app.bsky.richtext.facet#tag", ["tag"] = facet.Value };
                    break;
                default:
                    if (await ResolveAsync(account, facet.Value, cancellationToken).ConfigureAwait(false) is not { } did)
                    {
                        continue;
                    }

                    feature = new JsonObject { ["$type"] = "app.bsky.richtext.facet#mention", ["did"] = did };
                    break;
            }

            facets.Add(new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = facet.ByteStart, ["byteEnd"] = facet.ByteEnd },
                ["features"] = new JsonArray(feature),
            });
        }

        return facets;
    }

    // A handle that does not resolve stays plain text, as in Bluesky's own apps.
    private async Task<string?> ResolveAsync(SignedIn account, string handle, CancellationToken cancellationToken)
    {
        var answer = await xrpc.SendAsync(account, XrpcRequest.Query("com.atproto.identity.resolveHandle", ("handle", handle)), cancellationToken)
            .ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            if (failure.Status == 400)
            {
                BlueskyLog.MentionUnresolved(context.Logger, handle);
                return null;
            }

            throw failure.Exception;
        }

        return Json.Text(answer.Json, "did") is { } did && did.StartsWith("did:", StringComparison.Ordinal) ? did : null;
    }
}
