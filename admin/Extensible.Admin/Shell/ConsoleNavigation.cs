using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Extensible.Admin.Shell;

/// <summary>The rooms a person may enter, worked out once per request for the navigation and the dashboard (scoped).</summary>
public sealed class ConsoleNavigation(IAuthorizationService authorization)
{
    private IReadOnlyList<ConsoleRoom>? _rooms;

    /// <summary>The rooms whose policy <paramref name="user"/> satisfies, in navigation order; none when nobody is signed in.</summary>
    public async Task<IReadOnlyList<ConsoleRoom>> RoomsAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_rooms is not null)
        {
            return _rooms;
        }

        var rooms = new List<ConsoleRoom>();
        if (user.Identity?.IsAuthenticated == true)
        {
            foreach (var room in ConsoleRooms.All)
            {
                if ((await authorization.AuthorizeAsync(user, room.Policy)).Succeeded)
                {
                    rooms.Add(room);
                }
            }
        }

        return _rooms = rooms;
    }
}
