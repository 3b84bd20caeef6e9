using System.Security.Claims;
using System.Text.Encodings.Web;
using Extensible.People;
using Extensible.People.Server;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer ext_…</c> personal API tokens; the token fixes the workspace, and what it may
/// do is what both it and its person hold at the time of the request.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PeopleDirectory directory, IOptionsMonitor<ServerAccessOptions> server)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("Malformed API token.");
        }

        var identity = await directory.AuthenticateTokenAsync(token, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API token.");
        }

        // What the token was given, as far as its person still holds it: checked on every request, not only at creation.
        var held = Capabilities.OfServer(identity.PersonIsOperator, server.CurrentValue.OwnersMayCreateWorkspaces, identity.Role);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ConsoleClaims.UserId, identity.UserId.ToString()),
            new Claim(ConsoleClaims.DisplayName, identity.DisplayName),
            new Claim(ConsoleClaims.Email, identity.Email),
            new Claim(ConsoleClaims.WorkspaceId, identity.WorkspaceId.ToString()),
            new Claim(ConsoleClaims.WorkspaceName, identity.WorkspaceName),
            new Claim(ConsoleClaims.TokenId, identity.TokenId.ToString()),
            .. AccessClaims.For(identity.Role, identity.ServerCapabilities.Where(held.Contains)),
        ], SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
