using System.Globalization;
using System.Text.Json;
using Extensible.Admin.Pages.Calendar;
using Extensible.Admin.Pages.Media;
using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.Publishing;
using Extensible.Plugins.Calls;
using Extensible.Publishing.Media;
using Extensible.Publishing.Posts;
using Extensible.Publishing.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Extensible.Admin.Pages.Compose;

/// <summary>
/// The Compose room: one text and media set for the accounts picked, a variant per account, live counters and previews per
/// network (<see cref="PostValidation"/>, as people type), drafts saved as people type, schedule at a local time (asking
/// about daylight-saving gaps and overlaps), publish now, duplicate. Every handler declares <see cref="Policies.Compose"/>.
/// </summary>
[Authorize(Policy = Policies.Compose)]
public sealed class IndexModel(CalendarReadModel board, PostService posts, PostValidation validation, PublishingSettings settings, IPluginCapabilities plugins,
    MediaLibrary library, TimeProvider clock) : RoomPageModel(ConsoleRooms.Compose)
{
    /// <summary>The media picked in the library picker (its checkboxes are named <see cref="MediaPicker.FieldName"/>).</summary>
    [BindProperty(Name = MediaPicker.FieldName)]
    public List<Guid> PickedMedia { get; set; } = [];

    /// <summary>The media library picker, with the post's media checked.</summary>
    public MediaPicker? Picker { get; private set; }

    /// <summary>What the form holds.</summary>
    [BindProperty]
    public ComposeForm Form { get; set; } = new();

    /// <summary>The workspace's accounts, by network and handle.</summary>
    public IReadOnlyList<ComposeAccount> Accounts { get; private set; } = [];

    /// <summary>What each account's network takes, by account id.</summary>
    public IReadOnlyDictionary<Guid, ComposeNetwork> Networks { get; private set; } = new Dictionary<Guid, ComposeNetwork>();

    /// <summary>The live panel as it stands.</summary>
    public ComposeChecks? Checks { get; private set; }

    /// <summary>The post as the calendar shows it, once it exists.</summary>
    public CalendarPost? Post { get; private set; }

    /// <summary>The zones people may pick.</summary>
    public static IReadOnlyList<string> Zones => PublishingSettings.Zones;

    /// <summary>Problems by field (<c>text</c>, <c>localTime</c>, <c>targets[…].text</c>), shown beside each.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A question about the local time, when it does not exist or happens twice.</summary>
    public ComposeQuestion? Question { get; private set; }

    /// <summary>The problems of one field.</summary>
    public IEnumerable<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <inheritdoc />
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // The picker's checkboxes carry the shared media; a GET takes them from the post instead.
        if (HttpMethods.IsPost(Request.Method))
        {
            Form.MediaIds = PickedMedia;
        }
    }

    /// <summary>Opens the composer empty, or on a post (<c>?post=…</c>).</summary>
    public async Task<IActionResult> OnGetAsync(Guid? post, CancellationToken cancellationToken)
    {
        if (post is { } postId && !await LoadPostAsync(postId, cancellationToken))
        {
            return NotFound();
        }

        await PrepareAsync(cancellationToken);
        return Page();
    }

    /// <summary>The live panel (htmx, as people type): counters, problems, warnings and previews per target.</summary>
    [Authorize(Policy = Policies.Compose)]
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        return Partial("_ComposeChecks", Checks);
    }

    /// <summary>Saves the draft (htmx, debounced as people type): the first save makes the post.</summary>
    [Authorize(Policy = Policies.Compose)]
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        await LoadNetworksAsync(cancellationToken);
        if (Form.PostId is null && string.IsNullOrWhiteSpace(Form.Text) && Form.Accounts.Count == 0 && Form.MediaIds.Count == 0)
        {
            return Partial("_ComposeSaved", new ComposeSaved(null, null, null));
        }

        try
        {
            await SaveAsync(cancellationToken);
            var zone = await ZoneAsync(cancellationToken);
            // A reload (or a shared link) opens this draft again.
            Response.Headers["HX-Replace-Url"] = Url.Page("/Compose/Index", new { post = Form.PostId!.Value.ToString("N") });
            return Partial("_ComposeSaved", new ComposeSaved(Form.PostId, CalendarText.Time(clock.GetUtcNow(), zone), null));
        }
        catch (PostValidationException e)
        {
            return Partial("_ComposeSaved", new ComposeSaved(Form.PostId, null, e.Message));
        }
        catch (PostChangedException)
        {
            return Partial("_ComposeSaved", new ComposeSaved(Form.PostId, null, "Someone else changed this post meanwhile: reload to see their version."));
        }
    }

    /// <summary>Saves and schedules at the local time in the zone picked; a time that does not exist or happens twice is asked about.</summary>
    [Authorize(Policy = Policies.Compose)]
    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken cancellationToken)
    {
        var (local, offset) = When();
        if (local is null)
        {
            Errors["localTime"] = ["Pick the date and time it goes out."];
            await PrepareAsync(cancellationToken);
            return Page();
        }

        return await SendAsync(() => posts.ScheduleAsync(Actor(), Form.PostId!.Value, new LocalDueTime(local.Value, Form.Zone, offset), cancellationToken: cancellationToken),
            cancellationToken);
    }

    /// <summary>Saves and sends to every account now.</summary>
    [Authorize(Policy = Policies.Compose)]
    public Task<IActionResult> OnPostPublishNowAsync(CancellationToken cancellationToken) =>
        SendAsync(() => posts.PublishNowAsync(Actor(), Form.PostId!.Value, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Saves, then opens a new draft with the same content, accounts and variants.</summary>
    [Authorize(Policy = Policies.Compose)]
    public async Task<IActionResult> OnPostDuplicateAsync(CancellationToken cancellationToken)
    {
        await LoadNetworksAsync(cancellationToken);
        try
        {
            await SaveAsync(cancellationToken);
            var copy = await posts.DuplicateAsync(Actor(), Form.PostId!.Value, cancellationToken);
            return RedirectToPage("/Compose/Index", new { post = copy.ToString("N") });
        }
        catch (PostValidationException e)
        {
            return await RefusedAsync(e.Errors, cancellationToken);
        }
    }

    private async Task<IActionResult> SendAsync(Func<Task<long>> send, CancellationToken cancellationToken)
    {
        await LoadNetworksAsync(cancellationToken);
        try
        {
            await SaveAsync(cancellationToken);
            await send();
            var post = await board.PostAsync(User.WorkspaceId(), Form.PostId!.Value, cancellationToken);
            var zone = await ZoneAsync(cancellationToken);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(post?.DueAt ?? clock.GetUtcNow(), zone).DateTime);
            return RedirectToPage("/Calendar/Index", new { view = CalendarView.Week, date = CalendarView.Iso(day) });
        }
        catch (LocalTimeQuestionException e)
        {
            Question = new ComposeQuestion(e.Message, e.Choices);
            await PrepareAsync(cancellationToken);
            return Page();
        }
        catch (PostValidationException e)
        {
            return await RefusedAsync(e.Errors, cancellationToken);
        }
        catch (PostChangedException)
        {
            return await RefusedAsync(new Dictionary<string, string[]> { ["post"] = ["Someone else changed this post meanwhile: reload to see their version."] },
                cancellationToken);
        }
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyDictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        foreach (var (field, messages) in errors)
        {
            Errors[field] = messages;
        }

        await PrepareAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    // Drafts the post the first time, edits it after; the form keeps the id.
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var content = Form.Content();
        var targets = Form.Targets(Networks);
        if (Form.PostId is { } postId)
        {
            await posts.EditAsync(Actor(), postId, content, targets, cancellationToken: cancellationToken);
        }
        else
        {
            Form.PostId = await posts.DraftAsync(Actor(), content, targets, cancellationToken);
        }
    }

    private (DateTime? Local, TimeSpan? Offset) When()
    {
        var (answered, offset) = ComposeQuestion.Parse(Form.Choice);
        var when = answered ?? Form.When;

        return DateTime.TryParseExact(when, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? (local, offset)
            : (null, null);
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await LoadNetworksAsync(cancellationToken);
        Form.Zone ??= await settings.DisplayTimeZoneAsync(User.WorkspaceId(), User.UserId(), cancellationToken);
        var targets = Form.Targets(Networks);
        DateTimeOffset? dueAt = null;
        if (When() is ({ } local, var offset) && TimeZoneInfo.TryFindSystemTimeZoneById(Form.Zone, out var zone))
        {
            try
            {
                dueAt = ScheduleTime.ToInstant(local, zone, offset);
            }
            catch (Exception e) when (e is LocalTimeQuestionException or PostValidationException)
            {
                // Asked about when it is scheduled; the checks look around the time as written meanwhile.
                dueAt = new DateTimeOffset(local, zone.BaseUtcOffset);
            }
        }

        Picker = await MediaPicker.LoadAsync(library, User.WorkspaceId(), Form.MediaIds, mayUpload: true, cancellationToken: cancellationToken);
        var check = await validation.CheckAsync(User.WorkspaceId(), Form.Content(), targets, Form.PostId, dueAt, cancellationToken);
        Checks = new ComposeChecks(check, Networks);
        if (Form.PostId is { } postId)
        {
            Post = await board.PostAsync(User.WorkspaceId(), postId, cancellationToken);
        }
    }

    private async Task LoadNetworksAsync(CancellationToken cancellationToken)
    {
        if (Accounts.Count > 0)
        {
            return;
        }

        Accounts = await board.AccountsAsync(User.WorkspaceId(), cancellationToken);
        var profiles = new Dictionary<(string PluginId, string Key), ComposeNetwork>();
        var networks = new Dictionary<Guid, ComposeNetwork>();
        foreach (var account in Accounts)
        {
            if (!profiles.TryGetValue((account.PluginId, account.PlatformKey), out var network))
            {
                profiles[(account.PluginId, account.PlatformKey)] = network = new ComposeNetwork(await ProfileAsync(account, cancellationToken));
            }

            networks[account.Id] = network;
        }

        Networks = networks;
    }

    private async Task<Sdk.Connectors.PlatformProfile?> ProfileAsync(ComposeAccount account, CancellationToken cancellationToken)
    {
        var connectors = plugins.Connectors.Where(c => c.Description.Key == account.PlatformKey).ToList();
        if ((connectors.Find(c => c.PluginId == account.PluginId) ?? connectors.FirstOrDefault()) is not { } connector)
        {
            return null;
        }

        try
        {
            return await connector.CallAsync("profile", (c, _) => Task.FromResult(c.Profile), cancellationToken);
        }
        catch (PluginCallException)
        {
            return null;
        }
    }

    private async Task<bool> LoadPostAsync(Guid postId, CancellationToken cancellationToken)
    {
        var stored = await board.ContentAsync(User.WorkspaceId(), postId, cancellationToken);
        if (stored is not var (content, variants))
        {
            return false;
        }

        using (content)
        {
            var root = content.RootElement;
            Form = new ComposeForm
            {
                PostId = postId,
                Text = String(root, "text"),
                MediaIds = Ids(root),
                Thread = ComposeForm.Joined(Strings(root, "threadParts")),
                FirstComment = String(root, "firstComment"),
                Accounts = [.. variants.Keys],
            };
        }

        foreach (var (accountId, variant) in variants)
        {
            if (variant is null)
            {
                continue;
            }

            using (variant)
            {
                var v = variant.RootElement;
                Form.Variants[accountId] = new ComposeVariant
                {
                    Text = String(v, "text"),
                    OwnMedia = v.TryGetProperty("mediaIds", out _),
                    MediaIds = Ids(v),
                    Thread = Strings(v, "threadParts") is { Count: > 0 } parts ? ComposeForm.Joined(parts) : null,
                    FirstComment = String(v, "firstComment") is { Length: > 0 } comment ? comment : null,
                    Options = v.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
                        ? options.EnumerateObject().ToDictionary(o => o.Name, o => (string?)o.Value.GetString())
                        : [],
                };
            }
        }

        var post = await board.PostAsync(User.WorkspaceId(), postId, cancellationToken);
        if (post is { DueAt: { } due })
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(post.TimeZone ?? "UTC", out var z) ? z : TimeZoneInfo.Utc;
            Form.Zone = zone.Id;
            Form.When = TimeZoneInfo.ConvertTime(due, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }

        return true;
    }

    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken)
    {
        var id = await settings.DisplayTimeZoneAsync(User.WorkspaceId(), User.UserId(), cancellationToken);
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    private PublishingActor Actor() => new(User.WorkspaceId(), User.UserId(), User.Actor());

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string>? Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : null;

    private static List<Guid> Ids(JsonElement element) =>
        element.TryGetProperty("mediaIds", out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.TryGetGuid(out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)]
            : [];
}
