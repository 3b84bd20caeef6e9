using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extensible.Testing.Hosts;

/// <summary>
/// Keeps what a host logs under some categories, so a test that times out can say what the host was doing
/// (<see cref="Describe"/>) instead of only that it waited.
/// </summary>
public sealed class HostLogRecorder(LogLevel minimum, params string[] categoryPrefixes) : ILoggerProvider
{
    private const int Kept = 400;
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly LogLevel _minimum = minimum;
    private readonly string[] _prefixes = categoryPrefixes;

    /// <summary>Adds this recorder to <paramref name="builder"/>'s logging.</summary>
    public void AddTo(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ILoggerProvider>(this);
        foreach (var prefix in _prefixes)
        {
            builder.Logging.AddFilter<HostLogRecorder>(prefix, _minimum);
        }
    }

    /// <summary>The recorded lines, oldest first, as one text.</summary>
    public string Describe() => _entries.IsEmpty ? "(nothing logged)" : string.Join(Environment.NewLine, _entries);

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _entries.Enqueue(line);
        while (_entries.Count > Kept && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(HostLogRecorder recorder, string category) : ILogger
    {
        private readonly bool _recorded = recorder._prefixes.Any(p => category.StartsWith(p, StringComparison.Ordinal));

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _recorded && logLevel >= recorder._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                recorder.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " — " + exception.GetType().Name + ": " + exception.Message)}"));
            }
        }
    }
}
