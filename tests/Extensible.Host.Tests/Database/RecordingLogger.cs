using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Extensible.Host.Tests.Database;

/// <summary>Keeps what was logged, so a test can check that a recovery was noticed and said.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(int EventId, string Message)> entries = new();

    public IReadOnlyList<string> Messages => [.. entries.Select(e => e.Message)];

    public bool Logged(int eventId) => entries.Any(e => e.EventId == eventId);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((eventId.Id, formatter(state, exception)));
}
