using Extensible.Admin.Shell;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;

namespace Extensible.Admin.Pages.Accounts;

/// <summary>Accounts: not built yet; the page says what the room will do.</summary>
[Authorize(Policy = Policies.ManageWorkspace)]
public sealed class IndexModel() : RoomPageModel(ConsoleRooms.Accounts);
