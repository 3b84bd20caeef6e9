using Extensible.Admin.Mail;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Tests.Mail;

public sealed class smtp_settings_are_checked_at_start
{
    private const string Password = "hunter2-the-smtp-password";

    [Theory]
    [InlineData("Extensible:Smtp:Security", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=x@example.org", "--Extensible:Smtp:Security=ssl3")]
    [InlineData("Extensible:Smtp:From", "--Extensible:Smtp:Host=smtp.example.org")]
    [InlineData("Extensible:Smtp:From", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=not an address")]
    [InlineData("Extensible:Smtp:Port", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=x@example.org", "--Extensible:Smtp:Port=70000")]
    [InlineData("Extensible:Smtp:Host", "--Extensible:Smtp:Host=smtp example org", "--Extensible:Smtp:From=x@example.org")]
    [InlineData("Extensible:Smtp:Port", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=x@example.org", "--Extensible:Smtp:Port=submission")]
    [InlineData("Extensible:Smtp:Timeout", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=x@example.org", "--Extensible:Smtp:Timeout=soon")]
    [InlineData("Extensible:Smtp:Passwrod", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=x@example.org", "--Extensible:Smtp:Username=me", $"--Extensible:Smtp:Passwrod={Password}")]
    [InlineData("Extensible:Smtp:Host", "--Extensible:Smtp:From=x@example.org", $"--Extensible:Smtp:Password={Password}")]
    [InlineData("Extensible:Smtp:Username", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=x@example.org", $"--Extensible:Smtp:Password={Password}")]
    [InlineData("Extensible:Smtp:Password", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=x@example.org", "--Extensible:Smtp:Username=me")]
    [InlineData("Extensible:Smtp:Timeout", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=x@example.org", "--Extensible:Smtp:Timeout=-00:00:01")]
    [InlineData("Extensible:Smtp:PublicUrl", "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=x@example.org", "--Extensible:Smtp:PublicUrl=ftp://example.org")]
    public async Task a_bad_setting_stops_the_start_with_an_error_naming_its_key(string key, params string[] settings)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("smtpconfig");
        await using var app = await ExtensibleTestHost.BuildAsync(connectionString, settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_good_setting_starts_and_without_one_no_mail_is_sent()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("smtpconfig");
        await using (var configured = await ExtensibleTestHost.BuildAsync(connectionString, "--Extensible:Smtp:Host=smtp.example.org", "--Extensible:Smtp:From=Extensible <x@example.org>", "--Extensible:Smtp:Security=tls", "--Extensible:Smtp:Username=me", $"--Extensible:Smtp:Password={Password}"))
        {
            await configured.StartAsync();
            Assert.True(configured.Services.GetRequiredService<IConsoleMail>().IsConfigured);
            var options = configured.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            Assert.Equal(SmtpSecurity.Tls, options.SecurityMode);
            Assert.Equal(465, options.EffectivePort);
            await configured.StopAsync();
        }

        await using var plain = await ExtensibleTestHost.BuildAsync(connectionString);
        await plain.StartAsync();
        var mail = plain.Services.GetRequiredService<IConsoleMail>();
        Assert.False(mail.IsConfigured);
        Assert.Equal(MailOutcome.NotConfigured, await mail.SendAsync(new ConsoleMessage("someone@example.com", "Hello", "Body")));
        await plain.StopAsync();
    }
}
