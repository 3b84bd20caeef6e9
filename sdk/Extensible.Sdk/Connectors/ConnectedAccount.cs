namespace Extensible.Sdk.Connectors;

/// <summary>An account connected to the host.</summary>
public sealed record ConnectedAccount
{
    /// <summary>The account's id on the network.</summary>
    public required string PlatformAccountId { get; init; }

    /// <summary>The handle people see (<c>@brand@mastodon.social</c>).</summary>
    public required string Handle { get; init; }

    /// <summary>The account's display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The account's public page.</summary>
    public Uri? ProfileUrl { get; init; }

    /// <summary>The account's picture on the network (the console shows it only when it is an https URL).</summary>
    public Uri? AvatarUrl { get; init; }

    /// <summary>The credentials to store (encrypted by the host).</summary>
    public required AccountCredentials Credentials { get; init; }
}
