namespace Extensible.People;

/// <summary>
/// Claims of a signed-in person. The user's id, name and email come from sign-in; the current workspace, the role
/// in it and the capabilities held are added on every request from the read model, so a role change applies at once.
/// </summary>
public static class ConsoleClaims
{
    /// <summary>The user's id (also <c>ClaimTypes.NameIdentifier</c>).</summary>
    public const string UserId = System.Security.Claims.ClaimTypes.NameIdentifier;

    /// <summary>The user's display name (also <c>ClaimTypes.Name</c>).</summary>
    public const string DisplayName = System.Security.Claims.ClaimTypes.Name;

    /// <summary>The user's email.</summary>
    public const string Email = System.Security.Claims.ClaimTypes.Email;

    /// <summary>The id of the API token a call came with.</summary>
    public const string TokenId = "ext:token";

    /// <summary>The id of the session (revocable).</summary>
    public const string SessionId = "ext:session";

    /// <summary>The current workspace's id.</summary>
    public const string WorkspaceId = "ext:workspace";

    /// <summary>The current workspace's name.</summary>
    public const string WorkspaceName = "ext:workspace_name";

    /// <summary>The role in the current workspace (a <see cref="Role"/> name); for a token, what the token may do of it.</summary>
    public const string Role = "ext:role";

    /// <summary>One claim per capability held (<see cref="Capabilities"/>), in the workspace and on the server.</summary>
    public const string Capability = "ext:cap";
}
