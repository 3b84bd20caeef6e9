using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Shell;

/// <summary>A page that is a room of the console. Derived pages declare the room's policy with <c>[Authorize]</c>.</summary>
/// <param name="room">The room.</param>
public abstract class RoomPageModel(ConsoleRoom room) : PageModel
{
    /// <summary>The room this page is.</summary>
    public ConsoleRoom Room { get; } = room;
}
