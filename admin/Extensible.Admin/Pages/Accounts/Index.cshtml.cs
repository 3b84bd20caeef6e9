using Extensible.Admin.Live;
using Extensible.Admin.Shell;
using Extensible.People;
using Extensible.Publishing.Accounts;
using Extensible.Sdk.Connectors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Extensible.Admin.Pages.Accounts;

/// <summary>
/// The Accounts room: the workspace's connected accounts per network with their health; connecting (the connector's own
/// flow: its sign-in page, its fields, or one click), reconnecting, pausing, disconnecting, and the workspace's own app
/// credentials per network. Every changing handler declares <see cref="Policies.ManageWorkspace"/>, as the API does.
/// </summary>
[Authorize(Policy = Policies.ManageWorkspace)]
public sealed class IndexModel(AccountService accounts, AccountDirectory directory) : RoomPageModel(ConsoleRooms.Accounts)
{
    /// <summary>The accounts, per network.</summary>
    public AccountGroups Groups { get; private set; } = new([], new Dictionary<string, string>());

    /// <summary>The networks accounts can connect to.</summary>
    public IReadOnlyList<ConnectableNetwork> Networks { get; private set; } = [];

    /// <summary>The networks for which the workspace set its own app credentials.</summary>
    public IReadOnlySet<string> AppKeys { get; private set; } = new HashSet<string>();

    /// <summary>A connect asking for fields (app password, token), when one is under way.</summary>
    public PendingConnect? Pending { get; private set; }

    /// <summary>What the last action did, shown once.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>A refusal to show at the top (a connect that could not start).</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the room; with <paramref name="connect"/> and <paramref name="network"/>, the fields a network asks for.</summary>
    public async Task OnGetAsync(string? connect, string? network, Guid? reconnect, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(connect) && !string.IsNullOrEmpty(network))
        {
            await AskForFieldsAsync(connect, network, reconnect, cancellationToken);
        }

        await LoadAsync(cancellationToken);
    }

    /// <summary>
    /// Starts connecting (htmx): to the network's sign-in page for OAuth, to the fields form for app passwords and tokens,
    /// or connects at once for networks without credentials (answering with the list).
    /// </summary>
    [Authorize(Policy = Policies.ManageWorkspace)]
    public async Task<IActionResult> OnPostConnectAsync(string? pluginId, string? platformKey, Guid? reconnect, CancellationToken cancellationToken)
    {
        try
        {
            var root = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
            var begun = await accounts.BeginConnectAsync(User.WorkspaceId(), pluginId ?? "", platformKey ?? "", ConnectCallback.For(root, pluginId ?? ""), User.UserId(), reconnect,
                cancellationToken);
            if (begun.AuthorizationUrl is { } url)
            {
                return Navigate(url.AbsoluteUri);
            }

            if (begun.Fields.Count > 0)
            {
                return Navigate(Url.Page("/Accounts/Index", new { connect = pluginId, network = platformKey, reconnect })!);
            }

            var id = await accounts.ConnectWithoutCredentialsAsync(User.WorkspaceId(), pluginId!, platformKey!, User.Actor(), User.UserId(), cancellationToken, reconnect);
            var account = await directory.FindAsync(User.WorkspaceId(), id, cancellationToken);
            return await GroupsAsync(new Toast($"Connected {account?.Handle}.", Toast.Success), cancellationToken);
        }
        catch (AccountRequestException e)
        {
            return await GroupsAsync(new Toast(e.Message, Toast.Error), cancellationToken);
        }
    }

    /// <summary>
    /// Connects with the fields the person entered, or, for an OAuth network that asked which server to sign in to (a
    /// Mastodon instance), goes on to that server's sign-in page; a refusal shows beside the field (secrets are never shown back).
    /// </summary>
    [Authorize(Policy = Policies.ManageWorkspace)]
    public async Task<IActionResult> OnPostConnectFieldsAsync(string? pluginId, string? platformKey, Guid? reconnect, Dictionary<string, string>? fields, CancellationToken cancellationToken)
    {
        try
        {
            var network = (await accounts.NetworksAsync(cancellationToken)).FirstOrDefault(n => n.PluginId == pluginId && n.PlatformKey == platformKey);
            if (network?.Auth is AuthMethod.OAuth2Pkce or AuthMethod.OAuth1a)
            {
                var root = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
                var begun = await accounts.BeginConnectAsync(User.WorkspaceId(), network.PluginId, network.PlatformKey, ConnectCallback.For(root, network.PluginId), User.UserId(),
                    reconnect, cancellationToken, fields ?? []);
                return begun.AuthorizationUrl is { } url ? Navigate(url.AbsoluteUri) : throw new AccountRequestException(AccountProblem.Refused, "The network gave no sign-in page to go to.");
            }

            var id = await accounts.ConnectWithFieldsAsync(User.WorkspaceId(), pluginId ?? "", platformKey ?? "", fields ?? [], User.Actor(), User.UserId(), cancellationToken, reconnect);
            var account = await directory.FindAsync(User.WorkspaceId(), id, cancellationToken);
            Done = $"Connected {account?.Handle}.";
            return RedirectToPage();
        }
        catch (AccountRequestException e)
        {
            await AskForFieldsAsync(pluginId ?? "", platformKey ?? "", reconnect, cancellationToken);
            ModelState.AddModelError(e.Field is { } field && Pending?.Fields.Any(f => f.Name == field) == true ? $"fields[{field}]" : "", e.Message);
            if (Pending is not null)
            {
                // What was typed comes back, but never a secret.
                Pending = Pending with { Values = (fields ?? []).Where(p => Pending.Fields.Any(f => f.Name == p.Key && !f.IsSecret)).ToDictionary() };
            }

            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Disconnects an account (htmx): its credentials are forgotten; answers with the list.</summary>
    [Authorize(Policy = Policies.ManageWorkspace)]
    public Task<IActionResult> OnPostDisconnectAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => accounts.DisconnectAsync(User.WorkspaceId(), id, User.Actor(), User.UserId(), cancellationToken), cancellationToken);

    /// <summary>Pauses publishing from an account (htmx).</summary>
    [Authorize(Policy = Policies.ManageWorkspace)]
    public Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => accounts.SetPausedAsync(User.WorkspaceId(), id, true, User.Actor(), User.UserId(), cancellationToken), cancellationToken);

    /// <summary>Resumes publishing from an account (htmx).</summary>
    [Authorize(Policy = Policies.ManageWorkspace)]
    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(() => accounts.SetPausedAsync(User.WorkspaceId(), id, false, User.Actor(), User.UserId(), cancellationToken), cancellationToken);

    /// <summary>Sets the workspace's app credentials for a network; the secret is never shown back.</summary>
    [Authorize(Policy = Policies.ManageWorkspace)]
    public async Task<IActionResult> OnPostSaveAppAsync(string? platformKey, string? clientId, string? clientSecret, CancellationToken cancellationToken)
    {
        try
        {
            await accounts.SetAppCredentialsAsync(User.WorkspaceId(), platformKey ?? "", new AppCredentials { ClientId = clientId ?? "", ClientSecret = clientSecret },
                User.Actor(), User.UserId(), cancellationToken);
            Done = "The app credentials are saved.";
            return RedirectToPage();
        }
        catch (AccountRequestException e)
        {
            ModelState.AddModelError($"app-{platformKey}", e.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Removes the workspace's app credentials for a network.</summary>
    [Authorize(Policy = Policies.ManageWorkspace)]
    public async Task<IActionResult> OnPostRemoveAppAsync(string? platformKey, CancellationToken cancellationToken)
    {
        try
        {
            await accounts.SetAppCredentialsAsync(User.WorkspaceId(), platformKey ?? "", null, User.Actor(), User.UserId(), cancellationToken);
            Done = "The app credentials are removed.";
            return RedirectToPage();
        }
        catch (AccountRequestException e)
        {
            ModelState.AddModelError($"app-{platformKey}", e.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    // htmx follows HX-Redirect with a full navigation (to the network's sign-in page, or the fields form); a plain post is redirected.
    private IActionResult Navigate(string url)
    {
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            Response.Headers["HX-Redirect"] = url;
            return new NoContentResult();
        }

        return Redirect(url);
    }

    private async Task<IActionResult> ChangeAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        Toast? notice = null;
        try
        {
            await change();
        }
        catch (AccountRequestException e)
        {
            notice = new Toast(e.Message, Toast.Error);
        }

        return await GroupsAsync(notice, cancellationToken);
    }

    private async Task<IActionResult> GroupsAsync(Toast? notice, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_AccountGroups", Groups with { Notice = notice });
    }

    private async Task AskForFieldsAsync(string pluginId, string platformKey, Guid? reconnect, CancellationToken cancellationToken)
    {
        try
        {
            var root = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
            var begun = await accounts.BeginConnectAsync(User.WorkspaceId(), pluginId, platformKey, ConnectCallback.For(root, pluginId), User.UserId(), reconnect, cancellationToken);
            if (begun.Fields.Count > 0)
            {
                var network = (await accounts.NetworksAsync(cancellationToken)).FirstOrDefault(n => n.PluginId == pluginId && n.PlatformKey == platformKey);
                Pending = new PendingConnect(pluginId, platformKey, network?.Name ?? platformKey, reconnect, begun.Fields, new Dictionary<string, string>(),
                    SignsIn: begun.Auth is AuthMethod.OAuth2Pkce or AuthMethod.OAuth1a);
            }
        }
        catch (AccountRequestException e)
        {
            Problem = e.Message;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var workspaceId = User.WorkspaceId();
        Networks = await accounts.NetworksAsync(cancellationToken);
        AppKeys = await directory.AppCredentialKeysAsync(workspaceId, cancellationToken);
        var names = Networks.GroupBy(n => n.PlatformKey).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        Groups = new AccountGroups(await directory.ListAsync(workspaceId, cancellationToken: cancellationToken), names);
    }
}
