using System.Collections.Concurrent;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Extensible.Host.Tests.Security.KeyRing;

/// <summary>Hosts with a data folder of their own (so a key ring certificate of their own), and what they stored and logged.</summary>
internal static class KeyRingHosts
{
    public const string Purpose = "Extensible.Host.Tests.KeyRing";

    /// <summary>A fresh, empty data folder, removed when the test process ends.</summary>
    public static string NewDataFolder() => TestPostgres.NewDataDirectory("keyring");

    public static Task<ExtensibleTestHost> StartAsync(string connectionString, string dataFolder, LogRecorder? log = null, params string[] args) =>
        ExtensibleTestHost.StartAsync(connectionString, new ExtensibleTestHostOptions
        {
            DataFolder = dataFolder,
            Arguments = args,
            Configure = b =>
            {
                if (log is not null)
                {
                    b.Logging.AddProvider(log);
                }
            },
        });

    public static IDataProtector Protector(this ExtensibleTestHost host) => host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    /// <summary>The key ring's rows as the database holds them.</summary>
    public static async Task<IReadOnlyList<string>> StoredKeysAsync(string connectionString, string table = "extensible.data_protection_keys")
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var command = db.CreateCommand($"select xml from {table} order by created");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}

/// <summary>Everything the host logs, with its category and event id.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, int EventId, LogLevel Level, string Message)> entries = new();

    public IReadOnlyList<(string Category, int EventId, LogLevel Level, string Message)> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, int, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, eventId.Id, logLevel, formatter(state, exception)));
    }
}
