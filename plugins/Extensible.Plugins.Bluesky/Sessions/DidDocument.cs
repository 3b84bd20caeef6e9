using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Xrpc;

namespace Extensible.Plugins.Bluesky.Sessions;

/// <summary>Reads the account's PDS from its DID document (the <c>#atproto_pds</c> service).</summary>
internal static class DidDocument
{
    /// <summary>The PDS endpoint the document names, when it names a usable one.</summary>
    public static Uri? PdsEndpoint(JsonNode? document)
    {
        if (document is not JsonObject { } doc || doc["service"] is not JsonArray services)
        {
            return null;
        }

        foreach (var service in services.OfType<JsonObject>())
        {
            var id = Json.Text(service, "id");
            if ((id is "#atproto_pds" || (id?.EndsWith("#atproto_pds", StringComparison.Ordinal) ?? false))
                && Json.Text(service, "type") == "AtprotoPersonalDataServer"
                && Json.Text(service, "serviceEndpoint") is { } endpoint
                && PdsAddress.TryParse(endpoint, out var pds))
            {
                return pds;
            }
        }

        return null;
    }
}
