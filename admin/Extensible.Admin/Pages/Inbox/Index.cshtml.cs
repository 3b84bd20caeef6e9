using Extensible.Admin.Shell;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>Inbox: not built yet; the page says what the room will do.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class IndexModel() : RoomPageModel(ConsoleRooms.Inbox);
