using System.Text.Json.Serialization;

namespace Extensible.EventStore.Tests.Support;

public sealed record CommentReceived(string Author, string Text);

public sealed record CommentHidden(string Reason);

public sealed record PostScheduled(string Title, DateTimeOffset At);

[JsonSerializable(typeof(CommentReceived))]
[JsonSerializable(typeof(CommentHidden))]
[JsonSerializable(typeof(PostScheduled))]
public sealed partial class TestEventsJsonContext : JsonSerializerContext;
