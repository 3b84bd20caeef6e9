using Extensible.EventStore;
using Extensible.Plugins.Calls;
using Extensible.Publishing.Scheduling;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.Logging;

namespace Extensible.Publishing.Accounts;

/// <summary>
/// Connects, reconnects, pauses and disconnects a workspace's accounts through their connectors, and keeps the
/// workspace's own app credentials per network. The console and the API both come here, so they keep the same rules.
/// Credentials go from the connector straight into <see cref="CredentialsProtector"/>: no event, log or answer holds them in clear.
/// </summary>
public sealed class AccountService(
    AccountDirectory directory, AccountVault vault, CredentialsProtector protector, ConnectStates states, EventStore.EventStore store, ILogger<AccountService> logger)
{
    /// <summary>The redirect URI handed to connectors whose flow has no redirect (fields, credential-free).</summary>
    public static readonly Uri NoRedirect = new("urn:extensible:accounts:connect");

    private const int MaxFieldLength = 4000;
    private const int MaxAppValueLength = 1000;
    private const int MaxTextLength = 300;

    /// <summary>The networks accounts can be connected to: the connectors running on this node, by name.</summary>
    public async Task<IReadOnlyList<ConnectableNetwork>> NetworksAsync(CancellationToken cancellationToken)
    {
        var networks = new List<ConnectableNetwork>();
        foreach (var connector in vault.RunningConnectors())
        {
            try
            {
                var profile = await connector.CallAsync("profile", (c, _) => Task.FromResult(c.Profile), cancellationToken);
                networks.Add(new ConnectableNetwork(connector.PluginId, connector.Description.Key, profile.DisplayName, profile.Auth, profile.IsSandbox));
            }
            catch (PluginCallException)
            {
                // A connector that fails to describe itself cannot connect accounts either.
            }
        }

        return [.. networks.OrderBy(n => n.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(n => n.PluginId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Connects an account of a network that needs no credentials (the sandbox: <see cref="AuthMethod.None"/>) in one
    /// step, or reconnects <paramref name="reconnectAccountId"/>. Returns the account's id.
    /// </summary>
    /// <exception cref="AccountRequestException">No such running connector, it needs credentials, or it refused.</exception>
    public Task<Guid> ConnectWithoutCredentialsAsync(
        Guid workspaceId, string pluginId, string platformKey, string actorEmail, Guid actorId, CancellationToken cancellationToken, Guid? reconnectAccountId = null) =>
        ConnectWithFieldsAsync(workspaceId, pluginId, platformKey, new Dictionary<string, string>(), actorEmail, actorId, cancellationToken, reconnectAccountId);

    /// <summary>
    /// Connects an account with the fields its connector asks for (app password, token; none for credential-free
    /// networks), or reconnects <paramref name="reconnectAccountId"/>. Unknown or missing fields are refused before the
    /// connector is called. Returns the account's id.
    /// </summary>
    /// <exception cref="AccountRequestException">The input is wrong, the connector is not running or the network refused.</exception>
    public async Task<Guid> ConnectWithFieldsAsync(
        Guid workspaceId, string pluginId, string platformKey, IReadOnlyDictionary<string, string> fields, string actorEmail, Guid actorId,
        CancellationToken cancellationToken, Guid? reconnectAccountId = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var connector = Connector(pluginId, platformKey);
        var profile = await ProfileAsync(connector, cancellationToken);
        if (profile.Auth is AuthMethod.OAuth2Pkce or AuthMethod.OAuth1a)
        {
            throw new AccountRequestException(AccountProblem.Invalid, $"{profile.DisplayName} connects through its own sign-in page: start connecting instead.", "platformKey");
        }

        await CheckReconnectAsync(workspaceId, reconnectAccountId, platformKey, cancellationToken);
        var app = await AppCredentialsAsync(workspaceId, platformKey, cancellationToken);
        var start = await CallAsync(connector, "begin connect",
            (c, token) => c.BeginConnectAsync(new ConnectRequest(NoRedirect, "fields") { AppCredentials = app }, token), cancellationToken);
        var entered = CheckFields(start.Fields, fields);
        var connected = await CallAsync(connector, "complete connect",
            (c, token) => c.CompleteConnectAsync(new ConnectCompletion { RedirectUri = NoRedirect, Verifier = start.Verifier, Fields = entered, AppCredentials = app }, token),
            cancellationToken);
        return await RecordAsync(workspaceId, connector, connected, reconnectAccountId, profile.IsSandbox, actorEmail, actorId, cancellationToken);
    }

    /// <summary>
    /// Starts connecting (or reconnecting <paramref name="reconnectAccountId"/>): for OAuth, stores a new state bound to
    /// the person and the workspace and returns the network's authorization URL; for app passwords and tokens, returns
    /// the fields to ask for; for credential-free networks, nothing to ask. An OAuth network that asks for fields first
    /// (<see cref="PlatformProfile.ConnectFields"/>: a Mastodon instance) gets them checked and handed to its connector;
    /// without <paramref name="connectFields"/> those fields are returned to ask for, and nothing is stored.
    /// </summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="pluginId">The connector's plugin.</param>
    /// <param name="platformKey">The network.</param>
    /// <param name="redirectUri">The host's callback for this plugin (absolute).</param>
    /// <param name="actorId">The person connecting: only they may finish.</param>
    /// <param name="reconnectAccountId">The account being reconnected, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="connectFields">For an OAuth network with <see cref="PlatformProfile.ConnectFields"/>, what the person entered.</param>
    /// <exception cref="AccountRequestException">The input is wrong, the connector is not running or refused.</exception>
    public async Task<ConnectBegun> BeginConnectAsync(
        Guid workspaceId, string pluginId, string platformKey, Uri redirectUri, Guid actorId, Guid? reconnectAccountId, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? connectFields = null)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var connector = Connector(pluginId, platformKey);
        var profile = await ProfileAsync(connector, cancellationToken);
        await CheckReconnectAsync(workspaceId, reconnectAccountId, platformKey, cancellationToken);
        if (profile.Auth is not (AuthMethod.OAuth2Pkce or AuthMethod.OAuth1a))
        {
            var app = await AppCredentialsAsync(workspaceId, platformKey, cancellationToken);
            var fieldsStart = await CallAsync(connector, "begin connect",
                (c, token) => c.BeginConnectAsync(new ConnectRequest(NoRedirect, "fields") { AppCredentials = app }, token), cancellationToken);
            return new ConnectBegun(profile.Auth, null, fieldsStart.Fields);
        }

        if (profile.ConnectFields.Count > 0 && connectFields is null)
        {
            return new ConnectBegun(profile.Auth, null, profile.ConnectFields);
        }

        var entered = CheckFields(profile.ConnectFields, connectFields ?? new Dictionary<string, string>());
        var appCredentials = await AppCredentialsAsync(workspaceId, platformKey, cancellationToken);
        var state = await states.CreateAsync(workspaceId, actorId, connector.PluginId, platformKey, redirectUri, reconnectAccountId, cancellationToken);
        var start = await CallAsync(connector, "begin connect",
            (c, token) => c.BeginConnectAsync(new ConnectRequest(redirectUri, state) { AppCredentials = appCredentials, Fields = entered }, token), cancellationToken);
        if (start.AuthorizationUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new AccountRequestException(AccountProblem.Refused, $"The {profile.DisplayName} connector gave no authorization page to go to.");
        }

        await states.SetVerifierAsync(state, start.Verifier, cancellationToken);
        return new ConnectBegun(profile.Auth, url, []);
    }

    /// <summary>
    /// Finishes an OAuth connect from the network's callback: takes the state (once; it must be this person's, in this
    /// workspace, for this plugin and not expired), hands the callback's parameters to the connector and records the
    /// account as connected, or reconnected when the workspace had that network account already.
    /// </summary>
    /// <exception cref="AccountRequestException">The state is not valid, the network reported an error, or the connector refused.</exception>
    public async Task<Guid> CompleteConnectAsync(
        Guid workspaceId, string pluginId, IReadOnlyDictionary<string, string> callback, string actorEmail, Guid actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var state = await states.TakeAsync(callback.GetValueOrDefault("state"), workspaceId, actorId, pluginId, cancellationToken)
            ?? throw new AccountRequestException(AccountProblem.Invalid,
                "This sign-in link is not valid any more (used already, expired, or started by someone else): start connecting again.", "state");
        if (callback.TryGetValue("error", out var error))
        {
            var description = callback.GetValueOrDefault("error_description");
            throw new AccountRequestException(AccountProblem.Refused, $"The network did not authorize the account: {Clamp(description ?? error, MaxTextLength)}");
        }

        var connector = Connector(state.PluginId, state.PlatformKey);
        var app = await AppCredentialsAsync(workspaceId, state.PlatformKey, cancellationToken);
        var fields = callback.Where(p => p.Key != "state" && p.Value.Length <= MaxFieldLength).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var connected = await CallAsync(connector, "complete connect",
            (c, token) => c.CompleteConnectAsync(new ConnectCompletion { RedirectUri = state.RedirectUri, Verifier = state.Verifier, Fields = fields, AppCredentials = app }, token),
            cancellationToken);
        return await RecordAsync(workspaceId, connector, connected, state.ReconnectAccountId, isSandbox: false, actorEmail, actorId, cancellationToken);
    }

    /// <summary>Disconnects an account: its credentials are forgotten (the row keeps none, the event none). Disconnecting twice does nothing.</summary>
    /// <exception cref="AccountRequestException">The workspace has no such account.</exception>
    public async Task DisconnectAsync(Guid workspaceId, Guid accountId, string actorEmail, Guid actorId, CancellationToken cancellationToken)
    {
        var account = await FindAsync(workspaceId, accountId, cancellationToken);
        if (account.Health == AccountHealth.Disconnected)
        {
            return;
        }

        await store.AppendAsync(PublishingStreams.Account(accountId), ExpectedVersion.Any, [new AccountDisconnected(accountId, workspaceId, actorId)],
            AccountVault.Metadata(workspaceId, actorEmail), cancellationToken);
        AccountsLog.Disconnected(logger, accountId, workspaceId);
    }

    /// <summary>Pauses or resumes publishing from an account; setting what it already is does nothing.</summary>
    /// <exception cref="AccountRequestException">The workspace has no such account, or it is disconnected.</exception>
    public async Task SetPausedAsync(Guid workspaceId, Guid accountId, bool paused, string actorEmail, Guid actorId, CancellationToken cancellationToken)
    {
        var account = await FindAsync(workspaceId, accountId, cancellationToken);
        if (account.Health == AccountHealth.Disconnected)
        {
            throw new AccountRequestException(AccountProblem.Invalid, "The account is disconnected: connect it again first.");
        }

        if (account.Paused == paused)
        {
            return;
        }

        await store.AppendAsync(PublishingStreams.Account(accountId), ExpectedVersion.Any, [new AccountPauseChanged(accountId, workspaceId, paused, actorId)],
            AccountVault.Metadata(workspaceId, actorEmail), cancellationToken);
    }

    /// <summary>
    /// Sets (or, with null, removes) the workspace's own app credentials for a network; they are encrypted and handed to
    /// the connector when accounts of that network connect.
    /// </summary>
    /// <exception cref="AccountRequestException">The network is not one of a running connector, or the values are wrong.</exception>
    public async Task SetAppCredentialsAsync(Guid workspaceId, string platformKey, AppCredentials? credentials, string actorEmail, Guid actorId, CancellationToken cancellationToken)
    {
        if (!vault.RunningConnectors().Any(c => c.Description.Key == platformKey))
        {
            throw new AccountRequestException(AccountProblem.Invalid, $"No running connector serves the network '{Clamp(platformKey, 100)}'.", "platformKey");
        }

        string? protectedCredentials = null;
        if (credentials is not null)
        {
            var clientId = credentials.ClientId?.Trim();
            if (string.IsNullOrEmpty(clientId) || clientId.Length > MaxAppValueLength)
            {
                throw new AccountRequestException(AccountProblem.Invalid, $"Enter the app's client id (1 to {MaxAppValueLength} characters).", "clientId");
            }

            var secret = string.IsNullOrWhiteSpace(credentials.ClientSecret) ? null : credentials.ClientSecret.Trim();
            if (secret?.Length > MaxAppValueLength)
            {
                throw new AccountRequestException(AccountProblem.Invalid, $"The client secret is longer than {MaxAppValueLength} characters.", "clientSecret");
            }

            protectedCredentials = protector.ProtectApp(new AppCredentials { ClientId = clientId, ClientSecret = secret });
        }
        else if (!(await directory.AppCredentialKeysAsync(workspaceId, cancellationToken)).Contains(platformKey))
        {
            return;
        }

        await store.AppendAsync(PublishingStreams.Settings(workspaceId), ExpectedVersion.Any,
            [new NetworkAppCredentialsChanged(workspaceId, platformKey, protectedCredentials, actorId)], AccountVault.Metadata(workspaceId, actorEmail), cancellationToken);
    }

    private Task<AppCredentials?> AppCredentialsAsync(Guid workspaceId, string platformKey, CancellationToken cancellationToken) =>
        directory.AppCredentialsAsync(workspaceId, platformKey, protector, cancellationToken);

    private async Task<AccountRecord> FindAsync(Guid workspaceId, Guid accountId, CancellationToken cancellationToken) =>
        await directory.FindAsync(workspaceId, accountId, cancellationToken)
            ?? throw new AccountRequestException(AccountProblem.NotFound, "The workspace has no such account.");

    private async Task CheckReconnectAsync(Guid workspaceId, Guid? reconnectAccountId, string platformKey, CancellationToken cancellationToken)
    {
        if (reconnectAccountId is { } id && (await FindAsync(workspaceId, id, cancellationToken)).PlatformKey != platformKey)
        {
            throw new AccountRequestException(AccountProblem.Invalid, "The account to reconnect is of another network.", "platformKey");
        }
    }

    private GuardedCapability<IPlatformConnector> Connector(string pluginId, string platformKey) =>
        vault.FindConnector(pluginId ?? "", platformKey ?? "")
            ?? throw new AccountRequestException(AccountProblem.Invalid,
                $"No running connector '{Clamp(platformKey ?? "", 100)}' of plugin '{Clamp(pluginId ?? "", 100)}': choose a network among the running connectors.", "platformKey");

    private static Task<PlatformProfile> ProfileAsync(GuardedCapability<IPlatformConnector> connector, CancellationToken cancellationToken) =>
        CallAsync(connector, "profile", (c, _) => Task.FromResult(c.Profile), cancellationToken);

    private static async Task<T> CallAsync<T>(
        GuardedCapability<IPlatformConnector> connector, string operation, Func<IPlatformConnector, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.CallAsync(operation, call, cancellationToken);
        }
        catch (PlatformException e)
        {
            throw new AccountRequestException(AccountProblem.Refused, Clamp(e.PlatformMessage ?? e.Message, MaxTextLength));
        }
        catch (PluginCallException e)
        {
            throw new AccountRequestException(AccountProblem.Refused, $"The connector failed: {Clamp(e.Message, MaxTextLength)}");
        }
    }

    private static Dictionary<string, string> CheckFields(IReadOnlyList<ConnectField> expected, IReadOnlyDictionary<string, string> entered)
    {
        var names = expected.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (entered.Keys.FirstOrDefault(k => !names.Contains(k)) is { } unknown)
        {
            throw new AccountRequestException(AccountProblem.Invalid, $"The connector asks for no field '{Clamp(unknown, 100)}'.", unknown);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in expected)
        {
            var value = entered.GetValueOrDefault(field.Name);
            value = field.IsSecret ? value : value?.Trim();
            if (string.IsNullOrEmpty(value) && field.IsOptional)
            {
                continue;
            }

            if (string.IsNullOrEmpty(value))
            {
                throw new AccountRequestException(AccountProblem.Invalid, $"Enter the {field.Label}.", field.Name);
            }

            if (value.Length > MaxFieldLength)
            {
                throw new AccountRequestException(AccountProblem.Invalid, $"The {field.Label} is longer than {MaxFieldLength} characters.", field.Name);
            }

            values[field.Name] = value;
        }

        return values;
    }

    private async Task<Guid> RecordAsync(
        Guid workspaceId, GuardedCapability<IPlatformConnector> connector, ConnectedAccount connected, Guid? reconnectAccountId, bool isSandbox, string actorEmail,
        Guid actorId, CancellationToken cancellationToken)
    {
        var platformKey = connector.Description.Key;
        if (string.IsNullOrWhiteSpace(connected.PlatformAccountId) || string.IsNullOrWhiteSpace(connected.Handle))
        {
            throw new AccountRequestException(AccountProblem.Refused, "The connector returned an account without an id or handle.");
        }

        var handle = Clamp(connected.Handle.Trim(), MaxTextLength);
        var name = Clamp(string.IsNullOrWhiteSpace(connected.DisplayName) ? handle : connected.DisplayName.Trim(), MaxTextLength);
        var profileUrl = connected.ProfileUrl is { IsAbsoluteUri: true } p && (p.Scheme == Uri.UriSchemeHttps || p.Scheme == Uri.UriSchemeHttp) ? p.AbsoluteUri : null;
        var avatarUrl = connected.AvatarUrl is { IsAbsoluteUri: true } a && a.Scheme == Uri.UriSchemeHttps ? a.AbsoluteUri : null;
        var credentials = connected.Credentials with { PlatformAccountId = connected.Credentials.PlatformAccountId ?? connected.PlatformAccountId };
        var protectedCredentials = protector.Protect(credentials);
        var existing = await directory.FindByNetworkAccountAsync(workspaceId, platformKey, connected.PlatformAccountId, cancellationToken);
        if (reconnectAccountId is { } sandboxed && existing is null && isSandbox)
        {
            // A simulated network makes up a new account at each connect: reconnecting takes it for the one asked for.
            existing = await FindAsync(workspaceId, sandboxed, cancellationToken);
        }

        if (reconnectAccountId is { } wanted && existing?.Id != wanted)
        {
            var expected = await FindAsync(workspaceId, wanted, cancellationToken);
            throw new AccountRequestException(AccountProblem.Invalid,
                $"You signed in as {handle}, not {expected.Handle}: sign in to the network as {expected.Handle} to reconnect it.");
        }

        var metadata = AccountVault.Metadata(workspaceId, actorEmail);
        if (existing is not null)
        {
            await store.AppendAsync(PublishingStreams.Account(existing.Id), ExpectedVersion.Any,
                [new AccountReconnected(existing.Id, workspaceId, handle, name, profileUrl, avatarUrl, protectedCredentials, credentials.ExpiresAt, actorId)],
                metadata, cancellationToken);
            AccountsLog.Connected(logger, existing.Id, platformKey, workspaceId);
            return existing.Id;
        }

        var accountId = Guid.NewGuid();
        await store.AppendAsync(PublishingStreams.Account(accountId), ExpectedVersion.NoStream,
            [new AccountConnected(accountId, workspaceId, connector.PluginId, platformKey, Clamp(connected.PlatformAccountId, MaxTextLength), handle, name, profileUrl, avatarUrl,
                protectedCredentials, credentials.ExpiresAt, actorId)],
            metadata, cancellationToken);
        AccountsLog.Connected(logger, accountId, platformKey, workspaceId);
        return accountId;
    }

    private static string Clamp(string text, int max) => text.Length > max ? text[..max] : text;
}
