using Extensible.Admin.Shell;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;

namespace Extensible.Admin.Pages;

/// <summary>The dashboard: a welcome and the way into every room the person may enter.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel() : RoomPageModel(ConsoleRooms.Dashboard);
