using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages.Account;

/// <summary>Where a signed-in person lands when their role does not allow a page.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DeniedModel : PageModel
{
}
