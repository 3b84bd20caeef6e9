using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.Publishing.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Accounts;

/// <summary>
/// Where a network sends the person back after they authorized an account (OAuth). The state must be one this person
/// started in this workspace, for this plugin, less than ten minutes ago, and not used yet; the account is then connected
/// (or reconnected) and the person goes back to the room. Anything else connects nothing and says why.
/// </summary>
[Authorize(Policy = Policies.ManageWorkspace)]
public sealed class CallbackModel(AccountService accounts, AccountDirectory directory) : RoomPageModel(ConsoleRooms.Accounts)
{
    /// <summary>Why connecting failed.</summary>
    public string? Problem { get; private set; }

    /// <summary>Takes the network's answer.</summary>
    public async Task<IActionResult> OnGetAsync(string pluginId, CancellationToken cancellationToken)
    {
        var parameters = Request.Query.Where(q => q.Value.Count == 1).ToDictionary(q => q.Key, q => q.Value[0] ?? "", StringComparer.Ordinal);
        try
        {
            var id = await accounts.CompleteConnectAsync(User.WorkspaceId(), pluginId, parameters, User.Actor(), User.UserId(), cancellationToken);
            var account = await directory.FindAsync(User.WorkspaceId(), id, cancellationToken);
            TempData[nameof(IndexModel.Done)] = $"Connected {account?.Handle}.";
            return RedirectToPage("/Accounts/Index");
        }
        catch (AccountRequestException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
