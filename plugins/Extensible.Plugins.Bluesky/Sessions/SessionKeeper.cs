using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Xrpc;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Sessions;

/// <summary>
/// Signs accounts in (<c>com.atproto.server.createSession</c>) and renews their sessions
/// (<c>com.atproto.server.refreshSession</c>, which rotates the refresh token). A session renewed in the middle of a call
/// (the PDS answered <c>ExpiredToken</c>) is handed to the host at once (<see cref="IPluginContext.KeepRenewedCredentialsAsync"/>)
/// and also remembered by the refresh token it replaced, for calls already under way with the older credentials.
/// </summary>
internal sealed class SessionKeeper(IPluginContext context)
{
    private readonly ConcurrentDictionary<string, BlueskySession> renewed = new(StringComparer.Ordinal);

    /// <summary>Signs in with a handle (or email, or DID) and an app password at an entry PDS.</summary>
    public async Task<BlueskySession> CreateAsync(Uri entryPds, string identifier, string password, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["identifier"] = identifier, ["password"] = password };
        var answer = await XrpcCall.SendAsync(context, XrpcRequest.Procedure(entryPds, "com.atproto.server.createSession", body), bearer: null, cancellationToken)
            .ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            throw failure.Error is "AuthenticationRequired" or "AuthFactorTokenRequired" or "AccountTakedown" || failure.Status == 401
                ? new PlatformException(PlatformFailure.Rejected, $"Bluesky refused the sign-in: {failure.Message}")
                {
                    PlatformMessage = failure.Error == "AuthFactorTokenRequired"
                        ? "This account asks for a sign-in code: use an app password (Settings → Privacy and security → App passwords) instead of the account's password."
                        : failure.Message,
                    StatusCode = failure.Status,
                }
                : failure.Exception;
        }

        if (answer.Json!["active"] is JsonValue active && active.TryGetValue<bool>(out var isActive) && !isActive)
        {
            var status = Text(answer.Json, "status") ?? "inactive";
            throw PlatformException.Rejected($"The account is {status} on its PDS and cannot publish.");
        }

        return Read(answer.Json!, entryPds, previous: null);
    }

    /// <summary>The newest session known for stored credentials (a session renewed since they were stored replaces them).</summary>
    public BlueskySession Open(AccountCredentials credentials)
    {
        var session = BlueskySession.From(credentials);
        while (renewed.TryGetValue(session.RefreshJwt, out var newer))
        {
            session = newer;
        }

        return session;
    }

    /// <summary>
    /// The host's refresh of stored credentials: a session renewed since they were stored (and still fresh) is handed
    /// back as it is; otherwise the newest known session is renewed.
    /// </summary>
    public async Task<BlueskySession> RenewAsync(AccountCredentials credentials, CancellationToken cancellationToken)
    {
        var stored = BlueskySession.From(credentials);
        var newest = Open(credentials);
        return newest != stored && !IsExpiring(newest) ? newest : await RefreshAsync(newest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renews a session with its refresh token; a refresh token the PDS no longer takes means connecting again.</summary>
    public async Task<BlueskySession> RefreshAsync(BlueskySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (renewed.TryGetValue(session.RefreshJwt, out var newer) && !IsExpiring(newer))
        {
            return newer;
        }

        var answer = await XrpcCall.SendAsync(
            context, XrpcRequest.Procedure(session.Pds, "com.atproto.server.refreshSession", body: null), session.RefreshJwt, cancellationToken).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            throw failure.Status is 400 or 401 && failure.Error is "ExpiredToken" or "InvalidToken" or "AuthenticationRequired" or "AccountTakedown"
                || failure.Status == 401
                ? PlatformException.NeedsReconnect($"Bluesky no longer renews this account's session ({failure.Error ?? failure.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}): connect it again with an app password.")
                : failure.Exception;
        }

        var fresh = Read(answer.Json!, session.Pds, session);
        renewed[session.RefreshJwt] = fresh;
        return fresh;
    }

    private bool IsExpiring(BlueskySession session) =>
        session.ExpiresAt is { } at && at - context.Time.GetUtcNow() < TimeSpan.FromMinutes(1);

    private static BlueskySession Read(JsonObject json, Uri entryPds, BlueskySession? previous)
    {
        var access = Text(json, "accessJwt");
        var refresh = Text(json, "refreshJwt");
        var did = Text(json, "did");
        var handle = Text(json, "handle");
        if (access is null || refresh is null || did is null || handle is null || !did.StartsWith("did:", StringComparison.Ordinal))
        {
            throw PlatformException.Retryable("The PDS answered the sign-in without tokens, DID or handle.");
        }

        if (previous is not null && previous.Did != did)
        {
            throw PlatformException.NeedsReconnect("The PDS renewed the session for another account.");
        }

        // An entryway (bsky.social) signs in accounts hosted on other PDSes: calls go to the one the DID document names.
        var pds = DidDocument.PdsEndpoint(json["didDoc"]) ?? previous?.Pds ?? entryPds;
        return new BlueskySession(pds, did, handle, access, refresh);
    }

    private static string? Text(JsonObject json, string name) => Json.Text(json, name);
}
