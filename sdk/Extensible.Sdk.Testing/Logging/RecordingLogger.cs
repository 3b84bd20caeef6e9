using Microsoft.Extensions.Logging;

namespace Extensible.Sdk.Testing.Logging;

/// <summary>A logger that keeps every message, so tests can check what a plugin logged (and that it logged no secret).</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly List<LogEntry> entries = [];

    /// <summary>Everything logged so far, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>Whether any message contains <paramref name="text"/> (ordinal, case-sensitive).</summary>
    /// <param name="text">The text to look for, such as a secret that must never be logged.</param>
    /// <returns><see langword="true"/> when some message contains it.</returns>
    public bool Contains(string text) => Entries.Any(entry => entry.Message.Contains(text, StringComparison.Ordinal));

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var entry = new LogEntry(logLevel, eventId, formatter(state, exception), exception);
        lock (entries)
        {
            entries.Add(entry);
        }
    }
}
