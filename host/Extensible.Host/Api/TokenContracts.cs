using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Extensible.Host.Api;

/// <summary>A personal API token (never its secret).</summary>
/// <param name="Id">The token's id.</param>
/// <param name="Name">What its owner called it.</param>
/// <param name="Role">The role it acts with (never above its person's current role).</param>
/// <param name="Prefix">The start of the token, to recognise it.</param>
/// <param name="Created">When it was created.</param>
/// <param name="ExpiresAt">When it stops working, if ever.</param>
/// <param name="Revoked">Whether it was revoked.</param>
public sealed record TokenResponse(Guid Id, string Name, string Role, string Prefix, DateTimeOffset Created, DateTimeOffset? ExpiresAt, bool Revoked);

/// <summary>A new personal API token for the current workspace.</summary>
/// <param name="Name">What to call it: 1 to 80 characters.</param>
/// <param name="Role">The role it acts with: at most the caller's.</param>
/// <param name="ExpiresAt">When it stops working (in the future); none for a token that lasts until revoked.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateTokenRequest(
    [property: Description("1 to 80 characters, no control characters.")] string? Name,
    [property: Description("Owner, Admin, Editor, Moderator or Analyst; at most your own role.")] string? Role,
    [property: Description("Optional; a moment in the future.")] DateTimeOffset? ExpiresAt);

/// <summary>A token just created; <paramref name="Token"/> is shown this once and stored only hashed.</summary>
/// <param name="Id">The token's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Role">Its role.</param>
/// <param name="ExpiresAt">When it stops working, if ever.</param>
/// <param name="Token">The secret to send as <c>Authorization: Bearer …</c>.</param>
public sealed record CreatedTokenResponse(Guid Id, string Name, string Role, DateTimeOffset? ExpiresAt, string Token);
