using Extensible.Admin.Mail;
using Extensible.Host.Tests.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Extensible.Host.Tests.Mail;

/// <summary>The console's mail on its own (no host, no database), configured with <c>Extensible:Smtp</c> settings, its log recorded.</summary>
internal sealed class MailServices : IDisposable, ILoggerProvider
{
    private readonly ServiceProvider _services;

    public MailServices(params (string Key, string Value)[] smtp)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(smtp.Select(s => KeyValuePair.Create<string, string?>($"{SmtpOptions.Section}:{s.Key}", s.Value)))
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging(l => l.AddProvider(this))
            .AddConsoleMail()
            .BuildServiceProvider(validateScopes: true);
    }

    public RecordingLogger Log { get; } = new();

    public IConsoleMail Mail => _services.GetRequiredService<IConsoleMail>();

    public ILogger CreateLogger(string categoryName) => Log;

    public void Dispose() => _services.Dispose();
}
