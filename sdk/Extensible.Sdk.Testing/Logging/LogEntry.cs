using Microsoft.Extensions.Logging;

namespace Extensible.Sdk.Testing.Logging;

/// <summary>One message a plugin logged.</summary>
/// <param name="Level">Its level.</param>
/// <param name="EventId">Its event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);
