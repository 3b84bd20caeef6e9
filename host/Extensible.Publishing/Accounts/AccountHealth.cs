namespace Extensible.Publishing.Accounts;

/// <summary>Whether an account can publish: its credentials work, must be connected again, or were forgotten.</summary>
public enum AccountHealth
{
    /// <summary>Connected; its credentials work as far as the host knows.</summary>
    Connected = 0,

    /// <summary>Its credentials failed: a person must connect it again before it publishes.</summary>
    NeedsReconnect = 1,

    /// <summary>Disconnected: its credentials are forgotten.</summary>
    Disconnected = 2,
}
