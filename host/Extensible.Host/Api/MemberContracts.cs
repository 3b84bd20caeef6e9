using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Extensible.Host.Api;

/// <summary>A member of a workspace.</summary>
/// <param name="UserId">The person's id.</param>
/// <param name="Email">The person's email.</param>
/// <param name="Name">The person's display name.</param>
/// <param name="Role">Their role in the workspace.</param>
/// <param name="Joined">When they joined.</param>
public sealed record MemberResponse(Guid UserId, string Email, string Name, string Role, DateTimeOffset Joined);

/// <summary>Someone to invite by link.</summary>
/// <param name="Email">Their email (the account that may take the invitation up).</param>
/// <param name="Role">The role they get: at most the inviter's, and only owners invite owners.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InvitationRequest(
    [property: Description("An email address, at most 254 characters.")] string? Email,
    [property: Description("Owner, Admin, Editor, Moderator or Analyst; at most your own role.")] string? Role);

/// <summary>An invitation just made; <paramref name="Link"/> is shown this once.</summary>
/// <param name="Id">The invitation's id.</param>
/// <param name="Email">Who may take it up.</param>
/// <param name="Role">The role it grants.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
/// <param name="Link">The invitation link's path on this server; only its hash is stored.</param>
/// <param name="Mailed">Whether the link was mailed to <paramref name="Email"/> (only when a mail server is configured).</param>
/// <param name="MailProblem">Why the mail could not be sent; null when it was, or when no mail server is configured.</param>
public sealed record InvitationResponse(Guid Id, string Email, string Role, DateTimeOffset ExpiresAt, string Link, bool Mailed, string? MailProblem);

/// <summary>A member's new role.</summary>
/// <param name="Role">The role: at most the changer's, and only owners make or unmake owners.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RoleChangeRequest([property: Description("Owner, Admin, Editor, Moderator or Analyst; at most your own role.")] string? Role);
