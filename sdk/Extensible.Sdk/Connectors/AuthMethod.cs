namespace Extensible.Sdk.Connectors;

/// <summary>How an account of a network is connected.</summary>
public enum AuthMethod
{
    /// <summary>No credentials (the sandbox network).</summary>
    None = 0,

    /// <summary>OAuth 2.0 authorization code with PKCE (Mastodon, X, LinkedIn, Meta, TikTok, YouTube, Pinterest).</summary>
    OAuth2Pkce = 1,

    /// <summary>OAuth 1.0a (X's older endpoints).</summary>
    OAuth1a = 2,

    /// <summary>A handle and an app password (Bluesky).</summary>
    AppPassword = 3,

    /// <summary>A token the person pastes.</summary>
    Token = 4,
}
