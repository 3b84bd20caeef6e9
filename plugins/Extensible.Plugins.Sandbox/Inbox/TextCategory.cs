namespace Extensible.Plugins.Sandbox.Inbox;

/// <summary>What a generated inbox text is about.</summary>
internal enum TextCategory
{
    Question = 0,
    Praise = 1,
    Complaint = 2,
    Spam = 3,
    Abuse = 4,
    HostileText = 5,
}
