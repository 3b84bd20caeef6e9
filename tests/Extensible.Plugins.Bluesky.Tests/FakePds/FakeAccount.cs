namespace Extensible.Plugins.Bluesky.Tests.FakePds;

/// <summary>An account of the fake PDS.</summary>
public sealed class FakeAccount(string did, string handle, string appPassword, string displayName)
{
    public string Did { get; } = did;

    public string Handle { get; } = handle;

    public string AppPassword { get; } = appPassword;

    public string DisplayName { get; } = displayName;

    /// <summary>Its sessions were revoked: access tokens stop working until it signs in again.</summary>
    public bool Revoked { get; set; }

    /// <summary>Sessions issued (sign-ins and refreshes).</summary>
    public int Sessions { get; set; }

    /// <summary>How many follow the account (the AppView's <c>followersCount</c>).</summary>
    public long Followers { get; set; }

    /// <summary>How many the account follows (<c>followsCount</c>).</summary>
    public long Follows { get; set; }
}
