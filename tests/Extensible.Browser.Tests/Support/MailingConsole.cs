using Extensible.Testing.Mail;

namespace Extensible.Browser.Tests.Support;

/// <summary>An <see cref="OwnedConsole"/> whose <c>Extensible:Smtp</c> points at a <see cref="FakeSmtpServer"/>.</summary>
public sealed class MailingConsole : OwnedConsole, IDisposable
{
    /// <summary>The mail server the console sends through.</summary>
    public FakeSmtpServer Smtp { get; } = new();

    protected override FakeSmtpServer Mail => Smtp;

    // xUnit disposes a fixture after its DisposeAsync, so the host has stopped by now.
    public void Dispose() => Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
