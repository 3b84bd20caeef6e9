using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Xrpc;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Inbox;

/// <summary>
/// Where the inbox stands. <c>listNotifications</c> pages newest first, so the cursor is not the API's: it is the newest
/// notification taken (<see cref="Mark"/>), and a poll pages back from the top until it reaches it. When a poll stops
/// before reaching it (a burst bigger than a poll takes), <see cref="Gap"/> keeps the API cursor to go on from and the
/// older mark to page back to, so nothing in between is lost.
/// </summary>
internal sealed record NotificationCursor(NotificationMark? Mark, NotificationGap? Gap)
{
    private const int MaxUris = 200;

    /// <summary>Reads a cursor this connector gave out; anything else starts afresh.</summary>
    public static NotificationCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new NotificationCursor(null, null);
        }

        try
        {
            var json = JsonNode.Parse(text);
            var mark = ReadMark(Json.Object(json, "mark"));
            var gapJson = Json.Object(json, "gap");
            var gap = gapJson is not null && Json.Text(gapJson, "cursor") is { } apiCursor && ReadMark(Json.Object(gapJson, "until")) is { } until
                ? new NotificationGap(apiCursor, until)
                : null;
            return new NotificationCursor(mark, gap);
        }
        catch (JsonException)
        {
            throw PlatformException.Rejected("The inbox cursor is not one the Bluesky connector gave out.");
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var json = new JsonObject();
        if (Mark is not null)
        {
            json["mark"] = Write(Mark);
        }

        if (Gap is not null)
        {
            json["gap"] = new JsonObject { ["cursor"] = Gap.ApiCursor, ["until"] = Write(Gap.Until) };
        }

        return json.ToJsonString();
    }

    private static JsonObject Write(NotificationMark mark) => new()
    {
        ["at"] = mark.IndexedAt.ToString("O", CultureInfo.InvariantCulture),
        ["uris"] = new JsonArray([.. mark.Uris.Take(MaxUris).Select(u => (JsonNode)JsonValue.Create(u))]),
    };

    private static NotificationMark? ReadMark(JsonObject? json) =>
        json is not null && Json.Time(json, "at") is { } at
            ? new NotificationMark(at, [.. (json["uris"] as JsonArray ?? []).OfType<JsonValue>().Select(v => v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "").Where(u => u.Length > 0)])
            : null;
}
