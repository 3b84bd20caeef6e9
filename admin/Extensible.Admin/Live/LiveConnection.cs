using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;

namespace Extensible.Admin.Live;

/// <summary>
/// An open console connection and what it was opened with: the person's identity as their session cookie holds it, and
/// the claims the request added to it (workspace, role, whatever <c>IClaimsTransformation</c> grants).
/// </summary>
/// <param name="Context">The connection, to close it.</param>
/// <param name="Request">The request that opened it: the claims transformation reads it (the workspace switcher's cookie).</param>
/// <param name="Identity">The principal of the session cookie, before the per-request claims.</param>
/// <param name="UserId">Whose connection it is.</param>
/// <param name="SessionId">The sign-in session it belongs to.</param>
/// <param name="Granted">The per-request claims the connection was authorized with, by type and value.</param>
public sealed record LiveConnection(
    HubCallerContext Context, HttpContext Request, ClaimsPrincipal Identity, Guid UserId, Guid SessionId, IReadOnlySet<(string Type, string Value)> Granted)
{
    /// <summary>The connection's id.</summary>
    public string Id => Context.ConnectionId;
}
