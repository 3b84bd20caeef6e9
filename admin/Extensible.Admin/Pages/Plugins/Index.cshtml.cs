using Extensible.Admin.Live;
using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.Plugins;
using Extensible.Plugins.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Plugins;

/// <summary>
/// The Plugins room: every plugin the server found, its state and health; Owners install, enable, disable and
/// uninstall them, Admins look. The handlers check the Owner policy themselves: hidden buttons are not a guard.
/// </summary>
[Authorize(Policy = Policies.Administer)]
[RequestSizeLimit(PluginUpload.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PluginUpload.MaxRequestBytes)]
public sealed class IndexModel(IPluginCatalog catalog, IPluginAdministration administration, IAuthorizationService authorization)
    : RoomPageModel(ConsoleRooms.Plugins)
{
    /// <summary>The table's rows.</summary>
    public PluginRows Rows { get; private set; } = new([], MayChange: false);

    /// <summary>Whether the viewer may change plugins (Owners).</summary>
    public bool MayChange { get; private set; }

    /// <summary>The plugin the upload just installed, or <see langword="null"/>.</summary>
    public PluginSummary? Installed { get; private set; }

    /// <summary>Shows the room.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Installs (or upgrades) the uploaded archive; a refused archive installs nothing and says why.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? archive, CancellationToken cancellationToken)
    {
        if (!await MayChangeAsync())
        {
            return Forbid();
        }

        if (PluginUpload.Problem(archive?.FileName, archive?.Length ?? 0) is { } problem)
        {
            ModelState.AddModelError(nameof(archive), problem);
        }
        else
        {
            try
            {
                await using var stream = archive!.OpenReadStream();
                Installed = await administration.InstallAsync(stream, User.Actor(), cancellationToken);
            }
            catch (PluginOperationException e)
            {
                ModelState.AddModelError(nameof(archive), e.Message);
            }
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Enables a disabled plugin (htmx): answers with the rows.</summary>
    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(() => administration.EnableAsync(id, User.Actor(), cancellationToken));

    /// <summary>Disables a plugin (htmx): answers with the rows.</summary>
    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(() => administration.DisableAsync(id, User.Actor(), cancellationToken));

    /// <summary>Uninstalls an installed plugin (htmx): answers with the rows.</summary>
    public Task<IActionResult> OnPostUninstallAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(() => administration.UninstallAsync(id, User.Actor(), cancellationToken));

    // The answer is the rows with hx-swap-oob, as a live push is; a refusal comes back as an error toast with them.
    private async Task<IActionResult> ChangeAsync(Func<Task> change)
    {
        if (!await MayChangeAsync())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Toast? notice = null;
        try
        {
            await change();
        }
        catch (PluginOperationException e)
        {
            notice = new Toast(e.Message, Toast.Error);
        }

        return Partial("_PluginRows", new PluginRows(catalog.List(), MayChange: true, notice));
    }

    private async Task LoadAsync()
    {
        MayChange = await MayChangeAsync();
        Rows = new PluginRows(catalog.List(), MayChange);
    }

    private async Task<bool> MayChangeAsync() => (await authorization.AuthorizeAsync(User, Policies.Owner)).Succeeded;
}
