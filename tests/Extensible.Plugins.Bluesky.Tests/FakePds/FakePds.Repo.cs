using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>The repository methods: records (with the post and like lexicons checked) and blobs.</summary>
public sealed partial class FakePds
{
    private readonly List<FakeRecord> records = [];
    private readonly Dictionary<string, (string MimeType, long Size)> blobs = [];
    private long keyCounter;

    /// <summary>Records of a collection in the repositories, oldest first.</summary>
    public IReadOnlyList<FakeRecord> Records(string collection)
    {
        lock (gate)
        {
            return [.. records.Where(r => r.Collection == collection)];
        }
    }

    // The AppView's postsCount: the account's posts in its repository now.
    private long PostsOf(string did)
    {
        lock (gate)
        {
            return records.Count(r => r.Repo == did && r.Collection == "app.bsky.feed.post");
        }
    }

    /// <summary>Writes a record as another account's app would (a reply or mention to notify about).</summary>
    public FakeRecord Write(string did, string collection, JsonObject value)
    {
        lock (gate)
        {
            var rkey = NextKey();
            return Store(did, collection, rkey, value);
        }
    }

    // Record keys for records written without one: TIDs from a counter, each distinct.
    private string NextKey()
    {
        const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";
        var value = 0x3_0000_0000_0000L + ++keyCounter;
        var chars = new char[13];
        for (var i = 12; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }

    private FakeRecord Store(string did, string collection, string rkey, JsonObject value)
    {
        var uri = $"at://{did}/{collection}/{rkey}";
        var record = new FakeRecord(uri, Cid(uri + value.ToJsonString()), did, collection, rkey, value, Clock.GetUtcNow());
        records.Add(record);
        return record;
    }

    private FakeAnswer CreateRecord(FakeAccount caller, JsonObject input)
    {
        var repo = Text(input, "repo");
        var collection = Text(input, "collection");
        var rkey = Text(input, "rkey");
        if (repo is null || collection is null || input["record"] is not JsonObject record)
        {
            return Violation(400, "InvalidRequest", "createRecord: repo, collection and record are required");
        }

        if (repo != caller.Did && repo != caller.Handle)
        {
            return Violation(401, "AuthRequired", "createRecord: the repo is not the caller's");
        }

        if (Text(record, "$type") != collection)
        {
            return Violation(400, "InvalidRequest", $"createRecord: record $type '{Text(record, "$type")}' is not the collection {collection}");
        }

        if (rkey is not null && !TidShape().IsMatch(rkey))
        {
            return Violation(400, "InvalidRequest", $"Invalid record key for {collection}: '{rkey}' is not a TID");
        }

        var problem = collection switch
        {
            "app.bsky.feed.post" => CheckPost(record),
            "app.bsky.feed.like" => CheckLike(record),
            _ => $"createRecord: this fake takes posts and likes, not {collection}",
        };
        if (problem is not null)
        {
            return Violation(400, "InvalidRequest", "Invalid app.bsky record: " + problem);
        }

        rkey ??= NextKey();
        if (records.Any(r => r.Repo == caller.Did && r.Collection == collection && r.RecordKey == rkey))
        {
            // The reference PDS fails inside its repository tree on a key that is taken: an internal error.
            return new FakeAnswer(500, Error("InternalServerError", "Internal Server Error"));
        }

        var stored = Store(caller.Did, collection, rkey, record);
        return new FakeAnswer(200, new JsonObject
        {
            ["uri"] = stored.Uri, ["cid"] = stored.Cid,
            ["commit"] = new JsonObject { ["cid"] = Cid("commit" + stored.Uri), ["rev"] = rkey },
            ["validationStatus"] = "valid",
        });
    }

    private FakeAnswer GetRecord(IQueryCollection query)
    {
        var repo = query["repo"].ToString();
        var collection = query["collection"].ToString();
        var rkey = query["rkey"].ToString();
        if (repo.Length == 0 || collection.Length == 0 || rkey.Length == 0)
        {
            return Violation(400, "InvalidRequest", "getRecord: repo, collection and rkey are required");
        }

        var record = records.FirstOrDefault(r => r.Repo == repo && r.Collection == collection && r.RecordKey == rkey);
        return record is null
            ? new FakeAnswer(400, Error("RecordNotFound", $"Could not locate record: at://{repo}/{collection}/{rkey}"))
            : new FakeAnswer(200, new JsonObject { ["uri"] = record.Uri, ["cid"] = record.Cid, ["value"] = record.Value.DeepClone() });
    }

    private FakeAnswer DeleteRecord(FakeAccount caller, JsonObject input)
    {
        var repo = Text(input, "repo");
        var collection = Text(input, "collection");
        var rkey = Text(input, "rkey");
        if (repo is null || collection is null || rkey is null)
        {
            return Violation(400, "InvalidRequest", "deleteRecord: repo, collection and rkey are required");
        }

        if (repo != caller.Did)
        {
            return Violation(401, "AuthRequired", "deleteRecord: the repo is not the caller's");
        }

        records.RemoveAll(r => r.Repo == repo && r.Collection == collection && r.RecordKey == rkey);
        return new FakeAnswer(200, new JsonObject { ["commit"] = new JsonObject { ["cid"] = Cid("delete" + rkey), ["rev"] = rkey } });
    }

    private FakeAnswer UploadBlob(FakeAccount caller, string? contentType, byte[] body)
    {
        if (string.IsNullOrEmpty(contentType) || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || body.Length == 0)
        {
            return Violation(400, "InvalidRequest", $"uploadBlob: raw bytes with their media type are required, not '{contentType}' ({body.Length} bytes)");
        }

        if (body.Length > 1_000_000)
        {
            return new FakeAnswer(400, Error("BlobTooLarge", "This file is too large. It is 1.2MB but the maximum size is 1.0MB."));
        }

        var cid = "bafkrei" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..52];
        blobs[cid] = (contentType, body.Length);
        _ = caller;
        return new FakeAnswer(200, new JsonObject
        {
            ["blob"] = new JsonObject { ["$type"] = "blob", ["ref"] = new JsonObject { ["$link"] = cid }, ["mimeType"] = contentType, ["size"] = body.Length },
        });
    }

    private string? CheckPost(JsonObject post)
    {
        if (Text(post, "text") is not { } text)
        {
            return "text is required";
        }

        if (CheckDate(post) is { } dateProblem)
        {
            return dateProblem;
        }

        if (new System.Globalization.StringInfo(text).LengthInTextElements > 300 || Encoding.UTF8.GetByteCount(text) > 3000)
        {
            return "text is longer than 300 graphemes or 3000 bytes";
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (post["facets"] is JsonNode facets)
        {
            if (facets is not JsonArray array)
            {
                return "facets must be an array";
            }

            foreach (var facet in array)
            {
                if (CheckFacet(facet, bytes) is { } facetProblem)
                {
                    return facetProblem;
                }
            }
        }

        if (post["langs"] is JsonNode langs && (langs is not JsonArray langArray || langArray.Count > 3 || langArray.Any(l => l is not JsonValue v || v.GetValueKind() != JsonValueKind.String)))
        {
            return "langs must be up to 3 language strings";
        }

        if (post["reply"] is JsonNode reply)
        {
            foreach (var end in new[] { "root", "parent" })
            {
                if (CheckRef(reply[end]) is { } refProblem)
                {
                    return $"reply.{end}: {refProblem}";
                }
            }
        }

        return post["embed"] is JsonNode embed ? CheckEmbed(embed) : null;
    }

    private string? CheckLike(JsonObject like) => CheckDate(like) ?? CheckRef(like["subject"]);

    private static string? CheckDate(JsonObject record) =>
        Text(record, "createdAt") is { } createdAt
        && DateTimeOffset.TryParseExact(createdAt, ["yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : "createdAt must be an RFC 3339 datetime";

    // A strong ref must name a record that exists, with its current cid.
    private string? CheckRef(JsonNode? node)
    {
        if (Text(node, "uri") is not { } uri || Text(node, "cid") is not { } cid)
        {
            return "a strong ref needs uri and cid";
        }

        var record = records.FirstOrDefault(r => r.Uri == uri);
        return record is null ? $"{uri} does not exist" : record.Cid != cid ? $"{uri} has cid {record.Cid}, not {cid}" : null;
    }

    private static string? CheckFacet(JsonNode? facet, byte[] text)
    {
        if (facet?["index"] is not JsonObject index || facet["features"] is not JsonArray features || features.Count == 0)
        {
            return "a facet needs index and features";
        }

        if (index["byteStart"] is not JsonValue s || !s.TryGetValue<int>(out var start) || index["byteEnd"] is not JsonValue e || !e.TryGetValue<int>(out var end))
        {
            return "a facet's index needs integer byteStart and byteEnd";
        }

        if (start < 0 || end <= start || end > text.Length)
        {
            return $"facet range {start}..{end} does not fit the text's {text.Length} bytes";
        }

        // A range must start and end on whole UTF-8 characters (never on a continuation byte).
        if ((text[start] & 0xC0) == 0x80 || (end < text.Length && (text[end] & 0xC0) == 0x80))
        {
            return $"facet range {start}..{end} cuts a UTF-8 character";
        }

        foreach (var feature in features)
        {
            var problem = Text(feature, "$type") switch
            {
                "app.bsky.richtext.facet#link" => Uri.TryCreate(Text(feature, "uri"), UriKind.Absolute, out _) ? null : "a link facet needs an absolute uri",
                "app.bsky.richtext.facet#mention" => Text(feature, "did")?.StartsWith("did:", StringComparison.Ordinal) == true ? null : "a mention facet needs a did",
                "app.bsky.richtext.facet#tag" => Text(feature, "tag") is { Length: > 0 and <= 640 } tag && !tag.StartsWith('#') ? null : "a tag facet needs a tag without #",
                var other => $"unknown facet feature {other}",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private string? CheckEmbed(JsonNode embed)
    {
        switch (Text(embed, "$type"))
        {
            case "app.bsky.embed.images":
                if (embed["images"] is not JsonArray images || images.Count is 0 or > 4)
                {
                    return "embed.images needs 1 to 4 images";
                }

                foreach (var image in images)
                {
                    var blob = image?["image"];
                    var link = Text(blob?["ref"], "$link");
                    if (Text(blob, "$type") != "blob" || link is null || !blobs.TryGetValue(link, out var uploaded))
                    {
                        return "an image must be a blob ref returned by uploadBlob";
                    }

                    if (Text(blob, "mimeType") != uploaded.MimeType || blob!["size"]?.GetValue<long>() != uploaded.Size)
                    {
                        return "an image's blob ref must keep the mimeType and size uploadBlob returned";
                    }

                    if (image!["alt"] is not JsonValue alt || alt.GetValueKind() != JsonValueKind.String)
                    {
                        return "an image needs alt (a string, possibly empty)";
                    }

                    if (image["aspectRatio"] is JsonNode ratio && (ratio["width"]?.GetValue<int>() is not > 0 || ratio["height"]?.GetValue<int>() is not > 0))
                    {
                        return "aspectRatio needs positive width and height";
                    }
                }

                return null;
            case "app.bsky.embed.external":
                var external = embed["external"];
                return Text(external, "uri") is null || Text(external, "title") is null || external?["description"] is not JsonValue
                    ? "embed.external needs uri, title and description"
                    : null;
            case var other:
                return $"this fake takes image and external embeds, not {other}";
        }
    }

    [GeneratedRegex("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")]
    private static partial Regex TidShape();
}
