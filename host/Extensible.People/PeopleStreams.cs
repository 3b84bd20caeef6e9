namespace Extensible.People;

/// <summary>The people module's stream names: the one place they are built.</summary>
public static class PeopleStreams
{
    /// <summary>A person's own stream (sign-ins, password, two-factor), in the <see cref="PeopleService.UsersTenant"/> tenant.</summary>
    public static string User(Guid userId) => $"user-{userId}";

    /// <summary>A workspace's stream (members, invitations, tokens), in the workspace's own tenant.</summary>
    public static string Workspace(Guid workspaceId) => $"workspace-{workspaceId}";

    /// <summary>The server's operators, in the server's tenant.</summary>
    public const string ServerOperators = "server-operators";
}
