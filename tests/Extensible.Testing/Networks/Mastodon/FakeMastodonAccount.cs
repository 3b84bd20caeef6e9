namespace Extensible.Testing.Networks.Mastodon;

/// <summary>An account on the fake instance.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Username">Its user name (its <c>acct</c> on this instance).</param>
/// <param name="DisplayName">Its display name, as written.</param>
public sealed record FakeMastodonAccount(string Id, string Username, string DisplayName);
