namespace Extensible.Publishing.Posts;

/// <summary>What a person decides for a target the publisher could not settle after a crash.</summary>
public enum TargetDecision
{
    /// <summary>It did not go out: send it again now.</summary>
    SendAgain = 0,

    /// <summary>It did go out (found on the network): mark it published, with its address when known.</summary>
    MarkSent = 1,

    /// <summary>Do not send it.</summary>
    Drop = 2,
}
