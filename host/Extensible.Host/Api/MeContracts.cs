namespace Extensible.Host.Api;

/// <summary>The caller: who they are, the workspace they act in and with which role.</summary>
/// <param name="UserId">The person's id.</param>
/// <param name="Email">The person's email.</param>
/// <param name="Name">The person's display name.</param>
/// <param name="WorkspaceId">The current workspace (a token's own; a session's chosen or first); null when the person belongs to none.</param>
/// <param name="WorkspaceName">The current workspace's name.</param>
/// <param name="Role">The role in the current workspace: Owner, Admin, Editor, Moderator or Analyst.</param>
/// <param name="ViaToken">Whether the call came with an API token rather than a session cookie.</param>
/// <param name="TokenId">The API token's id, when <paramref name="ViaToken"/>.</param>
/// <param name="Capabilities">What the caller may do now: their role's capabilities and any server-wide ones (a token's: what both it and its person hold).</param>
public sealed record MeResponse(Guid UserId, string Email, string Name, Guid? WorkspaceId, string? WorkspaceName, string? Role, bool ViaToken, Guid? TokenId, IReadOnlyList<string> Capabilities);
