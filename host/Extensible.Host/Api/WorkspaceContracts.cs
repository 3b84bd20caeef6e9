using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Extensible.Host.Api;

/// <summary>A workspace the caller belongs to.</summary>
/// <param name="Id">The workspace's id.</param>
/// <param name="Name">The workspace's name.</param>
/// <param name="Role">The caller's role in it.</param>
/// <param name="Current">Whether it is the workspace the caller acts in now.</param>
public sealed record WorkspaceResponse(Guid Id, string Name, string Role, bool Current);

/// <summary>A new workspace, owned by whoever creates it.</summary>
/// <param name="Name">Its name: 1 to 100 characters, no control characters.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateWorkspaceRequest([property: Description("1 to 100 characters, no control characters.")] string? Name);
