using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Extensible.Host.Api;

/// <summary>A personal API token (never its secret).</summary>
/// <param name="Id">The token's id.</param>
/// <param name="Name">What its owner called it.</param>
/// <param name="Role">The role it was given (it acts with what both that role and its person's current role may do).</param>
/// <param name="Prefix">The start of the token, to recognise it.</param>
/// <param name="Created">When it was created.</param>
/// <param name="ExpiresAt">When it stops working, if ever.</param>
/// <param name="Revoked">Whether it was revoked.</param>
/// <param name="ServerCapabilities">The server-wide capabilities it was given (used only while its person holds them).</param>
public sealed record TokenResponse(Guid Id, string Name, string Role, string Prefix, DateTimeOffset Created, DateTimeOffset? ExpiresAt, bool Revoked, IReadOnlyList<string> ServerCapabilities);

/// <summary>A new personal API token for the current workspace.</summary>
/// <param name="Name">What to call it: 1 to 80 characters.</param>
/// <param name="Role">The role it acts with: one whose every capability the caller's role holds.</param>
/// <param name="ExpiresAt">When it stops working (in the future); none for a token that lasts until revoked.</param>
/// <param name="ServerCapabilities">Server-wide capabilities for it (workspaces.create, server.operate): only ones the caller holds.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateTokenRequest(
    [property: Description("1 to 80 characters, no control characters.")] string? Name,
    [property: Description("Owner, Admin, Editor, Moderator or Analyst: a role whose every capability yours holds (an Editor cannot make a Moderator token).")] string? Role,
    [property: Description("Optional; a moment in the future.")] DateTimeOffset? ExpiresAt,
    [property: Description("Optional server-wide capabilities: workspaces.create, server.operate; only ones you hold.")] IReadOnlyList<string>? ServerCapabilities = null);

/// <summary>A token just created; <paramref name="Token"/> is shown this once and stored only hashed.</summary>
/// <param name="Id">The token's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Role">Its role.</param>
/// <param name="ExpiresAt">When it stops working, if ever.</param>
/// <param name="Token">The secret to send as <c>Authorization: Bearer …</c>.</param>
public sealed record CreatedTokenResponse(Guid Id, string Name, string Role, DateTimeOffset? ExpiresAt, string Token);
