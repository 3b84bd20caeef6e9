using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.People.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Extensible.Admin.Pages.Server;

/// <summary>The Server room: who operates the server (plugins, server settings), and the server-wide settings in force.</summary>
[Authorize(Policy = Policies.OperateServer)]
public sealed class IndexModel(PeopleDirectory directory, ServerOperators operators, IOptionsMonitor<ServerAccessOptions> access)
    : RoomPageModel(ConsoleRooms.Server)
{
    /// <summary>The server's operators.</summary>
    public IReadOnlyList<OperatorRecord> Operators { get; private set; } = [];

    /// <summary>Whether workspace owners may create workspaces.</summary>
    public bool OwnersMayCreateWorkspaces => access.CurrentValue.OwnersMayCreateWorkspaces;

    /// <summary>What the last change did, for the status line.</summary>
    public string? Done { get; private set; }

    /// <summary>Shows the room.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Operators = await directory.OperatorsAsync(cancellationToken);

    /// <summary>Makes someone with an account a server operator.</summary>
    [Authorize(Policy = Policies.OperateServer)]
    public Task<IActionResult> OnPostNameAsync(string? email, CancellationToken cancellationToken) =>
        ChangeAsync(() => operators.NameAsync(email, User.Actor(), cancellationToken), $"{email?.Trim()} operates the server now.", cancellationToken);

    /// <summary>Removes a server operator (not the last).</summary>
    [Authorize(Policy = Policies.OperateServer)]
    public Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken cancellationToken) =>
        ChangeAsync(() => operators.RemoveAsync(userId, User.Actor(), cancellationToken), "Removed.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string done, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            Done = done;
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
