using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.Publishing.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Media;

/// <summary>
/// The Media room: the workspace's images and videos as thumbnails; people who compose upload (streamed into the
/// library, refusals said beside the upload), edit alt text and delete. The picker's inline upload answers here too.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(MediaLibrary library) : RoomPageModel(ConsoleRooms.Media)
{
    /// <summary>The library panel.</summary>
    public MediaGrid Grid { get; private set; } = new([], false, [], []);

    private bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    /// <summary>Shows the room.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Grid = await GridAsync([], [], cancellationToken);

    /// <summary>The library panel as it is now (live updates select its items from it).</summary>
    public async Task<IActionResult> OnGetItemsAsync(CancellationToken cancellationToken) =>
        Partial("_MediaGrid", await GridAsync([], [], cancellationToken));

    /// <summary>Uploads the form's files (multipart, streamed); each refused one is said beside the upload.</summary>
    [Authorize(Policy = Policies.Compose)]
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        var (problems, notices) = (new List<string>(), new List<string>());
        try
        {
            foreach (var outcome in await MediaUploadForm.ReadAsync(Request, library, User.WorkspaceId(), User.UserId(), User.Actor(), cancellationToken: cancellationToken))
            {
                if (outcome.Upload is { Reused: true } reused)
                {
                    notices.Add($"{outcome.FileName} is in the library already, as {reused.Item.FileName}: nothing new was stored.");
                }
                else if (outcome.Upload is { } upload)
                {
                    notices.Add($"{upload.Item.FileName} was added.");
                }
                else
                {
                    problems.Add(outcome.Problem!);
                }
            }
        }
        catch (MediaRefusedException e)
        {
            problems.Add(e.Message);
        }

        return await AnswerAsync(problems, notices, cancellationToken);
    }

    /// <summary>The picker's inline upload: answers with the picker, the new items checked beside those already chosen.</summary>
    [Authorize(Policy = Policies.Compose)]
    public async Task<IActionResult> OnPostPickerUploadAsync(CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var problems = new List<string>();
        var chosen = new List<Guid>();
        try
        {
            var outcomes = await MediaUploadForm.ReadAsync(Request, library, User.WorkspaceId(), User.UserId(), User.Actor(), fields: fields, cancellationToken: cancellationToken);
            problems.AddRange(outcomes.Select(o => o.Problem).OfType<string>());
            chosen.AddRange(outcomes.Select(o => o.Upload?.Item.Id).OfType<Guid>());
        }
        catch (MediaRefusedException e)
        {
            problems.Add(e.Message);
        }

        var selected = fields.Where(f => f.Key == MediaPicker.FieldName).Select(f => Guid.TryParse(f.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Concat(chosen).Distinct().ToList();
        return Partial("_MediaPicker", await MediaPicker.LoadAsync(library, User.WorkspaceId(), selected, mayUpload: true, problems, cancellationToken));
    }

    /// <summary>Sets an item's alt text.</summary>
    [Authorize(Policy = Policies.Compose)]
    public async Task<IActionResult> OnPostAltTextAsync(Guid id, string? altText, CancellationToken cancellationToken)
    {
        try
        {
            var item = await library.SetAltTextAsync(User.WorkspaceId(), id, altText, User.UserId(), User.Actor(), cancellationToken);
            return await AnswerAsync([], [$"Alt text of {item.FileName} saved."], cancellationToken);
        }
        catch (MediaRefusedException e)
        {
            return await AnswerAsync([e.Message], [], cancellationToken);
        }
    }

    /// <summary>Removes an item from the library.</summary>
    [Authorize(Policy = Policies.Compose)]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await library.GetAsync(User.WorkspaceId(), id, cancellationToken);
        return item is not null && await library.DeleteAsync(User.WorkspaceId(), id, User.UserId(), User.Actor(), cancellationToken)
            ? await AnswerAsync([], [$"{item.FileName} was removed from the library."], cancellationToken)
            : await AnswerAsync(["No such media in this workspace's library (removed already?)."], [], cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(IReadOnlyList<string> problems, IReadOnlyList<string> notices, CancellationToken cancellationToken)
    {
        Grid = await GridAsync(problems, notices, cancellationToken);
        return IsHtmx ? Partial("_MediaGrid", Grid) : Page();
    }

    private async Task<MediaGrid> GridAsync(IReadOnlyList<string> problems, IReadOnlyList<string> notices, CancellationToken cancellationToken) =>
        new(await library.ListAsync(User.WorkspaceId(), cancellationToken: cancellationToken), User.May(Policies.Compose), problems, notices);
}
