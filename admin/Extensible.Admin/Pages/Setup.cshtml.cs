using System.ComponentModel.DataAnnotations;
using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Extensible.Admin.Pages;

/// <summary>First run: the owner's account and first workspace, for whoever holds the setup link.</summary>
[AllowAnonymous]
public sealed class SetupModel(PeopleDirectory directory, PeopleService people, SetupToken setupToken, ConsoleSignIn signIn) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public bool AlreadySetUp { get; private set; }

    public bool TokenAccepted => setupToken.Matches(Token);

    public async Task OnGetAsync(CancellationToken cancellationToken) => AlreadySetUp = await directory.AnyUserAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        AlreadySetUp = await directory.AnyUserAsync(cancellationToken);
        if (AlreadySetUp || !TokenAccepted)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await people.SetUpAsync(Input.Email, Input.Name, Input.Password, Input.Workspace, cancellationToken);
        }
        catch (PeopleValidationException e)
        {
            ModelState.AddModelError($"Input.{e.Field switch { "Workspace" => "Workspace", "Name" => "Name", "Password" => "Password", _ => "Email" }}", e.Message);
            return Page();
        }

        return await signIn.SignInAsync(HttpContext, Input.Email, Input.Password, "/") ?? LocalRedirect("/account/login");
    }

    public sealed class SetupInput
    {
        [Required, StringLength(100)]
        public string Name { get; set; } = "";

        [Required, EmailAddress, StringLength(254)]
        public string Email { get; set; } = "";

        [Required, StringLength(256, MinimumLength = 10)]
        public string Password { get; set; } = "";

        [Required, StringLength(100)]
        public string Workspace { get; set; } = "";
    }
}
