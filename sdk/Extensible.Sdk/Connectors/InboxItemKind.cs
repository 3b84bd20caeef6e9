namespace Extensible.Sdk.Connectors;

/// <summary>What an inbox item is.</summary>
public enum InboxItemKind
{
    /// <summary>A comment on one of the account's posts (or a reply to a comment).</summary>
    Comment = 0,

    /// <summary>A public post mentioning the account.</summary>
    Mention = 1,

    /// <summary>A private message to the account.</summary>
    DirectMessage = 2,

    /// <summary>A review or rating of the account's page.</summary>
    Review = 3,
}
