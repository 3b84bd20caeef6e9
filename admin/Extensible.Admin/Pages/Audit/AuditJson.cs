using System.Text.Json;
using System.Text.Json.Nodes;

namespace Extensible.Admin.Pages.Audit;

/// <summary>An event's fields (already without secrets) as indented JSON for the trail's details; Razor encodes it.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The fields as indented JSON, or a dash when the event has none to show.</summary>
    public static string Format(JsonObject? data) => data is null ? "—" : data.ToJsonString(Indented);
}
