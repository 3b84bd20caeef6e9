namespace Extensible.People.Server;

/// <summary>A person was made a server operator: they install and configure plugins and run the server's settings.</summary>
public sealed record ServerOperatorNamed(Guid UserId);

/// <summary>A person is no longer a server operator.</summary>
public sealed record ServerOperatorRemoved(Guid UserId);
