namespace Extensible.Publishing.Posts;

/// <summary>No such post in the workspace (or a target the post does not have).</summary>
public sealed class PostNotFoundException(string message) : Exception(message);
