using Extensible.Admin.Shell;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;

namespace Extensible.Admin.Pages.Compose;

/// <summary>Compose: not built yet; the page says what the room will do.</summary>
[Authorize(Policy = Policies.Compose)]
public sealed class IndexModel() : RoomPageModel(ConsoleRooms.Compose);
