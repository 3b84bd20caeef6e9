namespace Extensible.People.Server;

/// <summary>Server-wide access settings (<c>Extensible:Server</c>), set by whoever runs the server.</summary>
public sealed class ServerAccessOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Extensible:Server";

    /// <summary>
    /// Whether a workspace's owners may create further workspaces. Off by default: only server operators create
    /// workspaces (a client given a workspace of their own cannot multiply them).
    /// </summary>
    public bool OwnersMayCreateWorkspaces { get; set; }
}
