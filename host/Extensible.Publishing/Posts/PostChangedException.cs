namespace Extensible.Publishing.Posts;

/// <summary>
/// Someone else changed the post between the version the caller saw (or read) and its append: nothing was written; read
/// the post again and decide again.
/// </summary>
public sealed class PostChangedException(Guid postId, long expected, long actual, Exception? inner = null)
    : Exception("The post changed meanwhile (someone else edited, scheduled or published it): reload it and try again.", inner)
{
    /// <summary>The post.</summary>
    public Guid PostId { get; } = postId;

    /// <summary>The version the caller decided on.</summary>
    public long ExpectedVersion { get; } = expected;

    /// <summary>The version the post is at (−1 when unknown).</summary>
    public long ActualVersion { get; } = actual;
}
