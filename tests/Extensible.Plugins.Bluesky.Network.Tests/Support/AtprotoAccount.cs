namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>An account on the reference network's PDS: its DID, handle, main password, a session of it, and an app password.</summary>
public sealed record AtprotoAccount(string Did, string Handle, string Password, string AccessJwt, string AppPassword);
