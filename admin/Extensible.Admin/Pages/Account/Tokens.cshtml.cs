using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Account;

/// <summary>The signed-in person's API tokens in the current workspace; a new token is shown once.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class TokensModel(PeopleDirectory directory, PeopleService people) : PageModel
{
    public IReadOnlyList<TokenRecord> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public Role OwnRole => User.Role();

    /// <summary>The server-wide capabilities the signed-in person holds and may give a token.</summary>
    public IReadOnlyList<string> ServerCapabilities => [.. Capabilities.Server.Where(User.Capabilities().Contains)];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, Role role, string[]? serverCapabilities, CancellationToken cancellationToken)
    {
        try
        {
            NewToken = await people.CreateApiTokenAsync(User.WorkspaceId(), User.UserId(), name, role, User.Role(), serverCapabilities ?? [], User.Capabilities(), User.Actor(), cancellationToken: cancellationToken);
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Tokens.Any(t => t.Id == tokenId))
        {
            await people.RevokeApiTokenAsync(User.WorkspaceId(), tokenId, User.Actor(), cancellationToken);
            await LoadAsync(cancellationToken);
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await directory.TokensAsync(User.WorkspaceId(), User.UserId(), cancellationToken);
}
