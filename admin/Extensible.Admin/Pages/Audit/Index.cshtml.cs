using System.Text.Json.Nodes;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Audit;

/// <summary>The workspace's events, filterable, paged by keyset (never by offset).</summary>
[Authorize(Policy = Policies.ManagePeople)]
public sealed class IndexModel(PeopleDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Who { get; set; }

    public AuditPage Trail { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Trail = await directory.AuditAsync(User.WorkspaceId(), Before, Blank(Type, 100), Blank(Who, 254), 50, cancellationToken);

    /// <summary>The event's body without secrets' hashes or encrypted keys.</summary>
    public static string Details(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (JsonNode.Parse(entry.Data) is not JsonObject body)
        {
            return entry.Data;
        }

        foreach (var key in body.Select(p => p.Key).Where(k => k.EndsWith("Hash", StringComparison.Ordinal) || k.EndsWith("Hashes", StringComparison.Ordinal) || k.StartsWith("Protected", StringComparison.Ordinal)).ToList())
        {
            body.Remove(key);
        }

        return body.ToJsonString();
    }

    private static string? Blank(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(max, value.Trim().Length)];
}
