using Extensible.Admin.Shell;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;

namespace Extensible.Admin.Pages.Plugins;

/// <summary>Plugins: not built yet; the page says what the room will do.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel() : RoomPageModel(ConsoleRooms.Plugins);
