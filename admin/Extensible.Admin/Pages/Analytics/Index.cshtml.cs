using Extensible.Admin.Shell;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;

namespace Extensible.Admin.Pages.Analytics;

/// <summary>Analytics: not built yet; the page says what the room will do.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel() : RoomPageModel(ConsoleRooms.Analytics);
