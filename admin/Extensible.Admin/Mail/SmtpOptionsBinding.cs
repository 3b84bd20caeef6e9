using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Extensible.Admin.Mail;

/// <summary>
/// Reads <c>Extensible:Smtp</c> into <see cref="SmtpOptions"/> by hand, so that a value of the wrong kind or a
/// misspelt key becomes a validation error naming the key at start, not a binder exception with a type name in it.
/// </summary>
internal static class SmtpOptionsBinding
{
    private static readonly string[] Keys = ["Host", "Port", "Security", "Username", "Password", "From", "Timeout", "PublicUrl"];

    public static void Bind(IConfiguration configuration, SmtpOptions options)
    {
        var section = configuration.GetSection(SmtpOptions.Section);
        foreach (var unknown in section.GetChildren().Where(c => !Keys.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            options.BindingProblems.Add($"{unknown.Path} is not a mail setting; the settings are {string.Join(", ", Keys)}.");
        }

        options.Host = Text(section, "Host") ?? options.Host;
        options.Security = Text(section, "Security") ?? options.Security;
        options.Username = Text(section, "Username") ?? options.Username;
        options.Password = section["Password"] is { Length: > 0 } password ? password : options.Password;
        options.From = Text(section, "From") ?? options.From;

        if (Text(section, "Port") is { } port)
        {
            if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                options.Port = number;
            }
            else
            {
                options.BindingProblems.Add($"{SmtpOptions.Section}:Port must be a whole number between 1 and 65535 (was '{MailText.OneLine(port)}').");
            }
        }

        if (Text(section, "Timeout") is { } timeout)
        {
            if (TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var span))
            {
                options.Timeout = span;
            }
            else
            {
                options.BindingProblems.Add($"{SmtpOptions.Section}:Timeout must be a duration like 00:00:30 (was '{MailText.OneLine(timeout)}').");
            }
        }

        if (Text(section, "PublicUrl") is { } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                options.PublicUrl = uri;
            }
            else
            {
                options.BindingProblems.Add($"{SmtpOptions.Section}:PublicUrl must be an absolute http or https address, like https://social.example.org (was '{MailText.OneLine(url)}').");
            }
        }
    }

    private static string? Text(IConfigurationSection section, string key) => section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
