namespace Extensible.Plugins.Bluesky.Sessions;

/// <summary>An account during one operation: its current session, replaced when the PDS asks for a renewal.</summary>
internal sealed class SignedIn(BlueskySession session)
{
    /// <summary>The session calls use now.</summary>
    public BlueskySession Session { get; set; } = session;

    /// <summary>The account's DID.</summary>
    public string Did => Session.Did;
}
