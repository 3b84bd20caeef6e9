using System.Text.Json.Nodes;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Audit;

/// <summary>The workspace's events, filterable, paged by keyset (never by offset).</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(PeopleDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Who { get; set; }

    public AuditPage Trail { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        string? type, who;
        try
        {
            type = SearchFilter.Parse(Type, "Type", 100);
            who = SearchFilter.Parse(Who, "Who", 254);
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return;
        }

        Trail = await directory.AuditAsync(User.WorkspaceId(), Before, type, who, 50, cancellationToken);
    }

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
}
