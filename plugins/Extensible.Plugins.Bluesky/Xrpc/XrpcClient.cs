using System.Text.Json.Nodes;
using Extensible.Plugins.Bluesky.Sessions;
using Extensible.Sdk;

namespace Extensible.Plugins.Bluesky.Xrpc;

/// <summary>
/// Authenticated XRPC calls to an account's PDS: the access token as a bearer, the configured <c>atproto-proxy</c> header on
/// AppView calls, and one renewal of the session when the PDS answers <c>ExpiredToken</c>.
/// </summary>
internal sealed class XrpcClient(IPluginContext context, SessionKeeper sessions)
{
    /// <summary>Makes the call; a failure is thrown classified.</summary>
    public async Task<JsonObject> CallAsync(SignedIn account, XrpcRequest request, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(account, request, cancellationToken).ConfigureAwait(false);
        return answer.Failure is { } failure ? throw failure.Exception : answer.Json!;
    }

    /// <summary>Makes a call that may find nothing: <see langword="null"/> when the PDS says there is no such record or post.</summary>
    public async Task<JsonObject?> FindAsync(SignedIn account, XrpcRequest request, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(account, request, cancellationToken).ConfigureAwait(false);
        return answer.Failure switch
        {
            null => answer.Json,
            { IsNotFound: true } => null,
            { } failure => throw failure.Exception,
        };
    }

    /// <summary>Makes the call and hands back the failure instead of throwing it (for callers that recover from some errors).</summary>
    public async Task<XrpcAnswer> SendAsync(SignedIn account, XrpcRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        var proxy = request.ForAppView ? context.GetSettings<BlueskySettings>().AppViewProxy : null;
        var answer = await XrpcCall.SendAsync(context, request, account.Session.AccessJwt, cancellationToken, account.Session.Pds, proxy).ConfigureAwait(false);
        if (answer.Failure is not { IsExpiredToken: true })
        {
            return answer;
        }

        var previous = account.Session;
        account.Session = await sessions.RefreshAsync(previous, cancellationToken).ConfigureAwait(false);
        BlueskyLog.SessionRenewedDuringCall(context.Logger, account.Did, request.Nsid);
        if (account.Session != previous)
        {
            // The PDS rotated the refresh token: the host stores the new session now, or holds only a spent token.
            await context.KeepRenewedCredentialsAsync(previous.ToCredentials(), account.Session.ToCredentials(), cancellationToken).ConfigureAwait(false);
        }

        return await XrpcCall.SendAsync(context, request, account.Session.AccessJwt, cancellationToken, account.Session.Pds, proxy).ConfigureAwait(false);
    }
}
