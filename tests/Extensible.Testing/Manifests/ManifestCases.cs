using System.Text.Json.Nodes;
using Xunit;

namespace Extensible.Testing.Manifests;

/// <summary>
/// The manifest cases the host (<c>ManifestReader</c>) and the plugin test kit (<c>PluginManifest</c>) are both tested
/// against: the rules are the SDK's <c>ManifestRules</c>, and one table keeps the two readers from drifting apart again.
/// </summary>
public static class ManifestCases
{
    /// <summary>A manifest every rule accepts.</summary>
    public const string Valid = """
        {
          "id": "acme.hello",
          "name": "Hello",
          "version": "1.2.3-beta.1",
          "sdk": "^1.0",
          "entry": "Acme.Hello.dll",
          "author": "Acme",
          "description": "Says hello.",
          "links": [{ "title": "Docs", "url": "https://acme.test/hello" }],
          "sandbox": false
        }
        """;

    /// <summary>Each case: what it is, the manifest's JSON, and whether it is accepted.</summary>
    public static TheoryData<string, string, bool> All { get; } = new()
    {
        { "valid", Valid, true },

        { "id missing", Without("id"), false },
        { "id blank", With("id", "\"  \""), false },
        { "id with surrounding white space", With("id", "\" acme.hello \""), true },
        { "id with digits and dashes", With("id", "\"acme2.hello-world\""), true },
        { "id starting with a digit", With("id", "\"9acme.hello\""), false },
        { "id in capitals", With("id", "\"Acme.Hello\""), false },
        { "id with two dots in a row", With("id", "\"acme..hello\""), false },
        { "id with a slash", With("id", "\"acme/hello\""), false },
        { "id of 100 characters", With("id", Quoted("a" + new string('b', 99))), true },
        { "id of 101 characters", With("id", Quoted("a" + new string('b', 100))), false },

        { "name missing", Without("name"), false },
        { "name of 100 characters", With("name", Quoted(new string('n', 100))), true },
        { "name of 101 characters", With("name", Quoted(new string('n', 101))), false },

        { "version missing", Without("version"), false },
        { "version without a patch", With("version", "\"1.0\""), false },
        { "version with build metadata", With("version", "\"1.0.0+build.5\""), true },
        { "version with a leading zero", With("version", "\"01.0.0\""), false },
        { "version with a leading zero in a numeric pre-release", With("version", "\"1.0.0-01\""), false },

        { "sdk missing", Without("sdk"), false },
        { "sdk without a caret", With("sdk", "\"1.0\""), true },
        { "sdk of another major version", With("sdk", "\"^2.0\""), false },
        { "sdk of a later minor version", With("sdk", "\"^1.9\""), false },
        { "sdk not a range", With("sdk", "\"any\""), false },

        { "entry missing", Without("entry"), false },
        { "entry in a parent folder", With("entry", "\"../Acme.Hello.dll\""), false },
        { "entry with an absolute path", With("entry", "\"/tmp/Acme.Hello.dll\""), false },
        { "entry with a backslash", With("entry", "\"lib\\\\Acme.Hello.dll\""), false },
        { "entry with a drive", With("entry", "\"C:Acme.Hello.dll\""), false },
        { "entry starting with a dot", With("entry", "\".Acme.Hello.dll\""), false },
        { "entry not a dll", With("entry", "\"Acme.Hello.exe\""), false },

        { "author missing", Without("author"), true },
        { "author of 200 characters", With("author", Quoted(new string('a', 200))), true },
        { "author of 201 characters", With("author", Quoted(new string('a', 201))), false },
        { "description missing", Without("description"), true },
        { "description of 1000 characters", With("description", Quoted(new string('d', 1000))), true },
        { "description of 1001 characters", With("description", Quoted(new string('d', 1001))), false },

        { "no links", Without("links"), true },
        { "link to a documentation page", Link("Docs", "/docs/plugins/sandbox.md"), true },
        { "link over http", Link("Docs", "http://acme.test/hello"), true },
        { "link without a title", Link(" ", "https://acme.test/hello"), false },
        { "link to javascript", Link("x", "javascript:alert(1)"), false },
        { "link out of the documentation", Link("x", "/docs/../appsettings.json"), false },
        { "link to a server file", Link("x", "/etc/passwd"), false },
        { "link relative to the scheme", Link("x", "//evil.test/docs/a.md"), false },
        { "link to ftp", Link("x", "ftp://acme.test/hello"), false },
        { "link null", With("links", "[null]"), false },

        { "unknown field", With("homepage", "\"https://acme.test\""), false },
        { "not an object", "null", false },
        { "malformed JSON", "{ \"id\": ", false },
    };

    private static string With(string field, string json)
    {
        var manifest = JsonNode.Parse(Valid)!.AsObject();
        manifest[field] = JsonNode.Parse(json);
        return manifest.ToJsonString();
    }

    private static string Without(string field)
    {
        var manifest = JsonNode.Parse(Valid)!.AsObject();
        manifest.Remove(field);
        return manifest.ToJsonString();
    }

    private static string Link(string title, string url) =>
        With("links", new JsonArray(new JsonObject { ["title"] = title, ["url"] = url }).ToJsonString());

    private static string Quoted(string text) => JsonValue.Create(text).ToJsonString();
}
