using Microsoft.Extensions.Options;
using MimeKit;

namespace Extensible.Admin.Mail;

/// <summary>Checks <see cref="SmtpOptions"/> at start: each error names its key, none repeats the password.</summary>
internal sealed class SmtpOptionsValidation : IValidateOptions<SmtpOptions>
{
    private const string Key = SmtpOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (options.BindingProblems.Count > 0)
        {
            return ValidateOptionsResult.Fail(options.BindingProblems);
        }

        if (!options.IsConfigured)
        {
            return string.IsNullOrEmpty(options.From) && string.IsNullOrEmpty(options.Username) && string.IsNullOrEmpty(options.Password)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Key}Host is required when other {SmtpOptions.Section} settings are given (leave the whole section out to send no mail).");
        }

        List<string> errors = [];
        var host = options.Host!.Trim();
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            errors.Add($"{Key}Host must be a host name or an IP address, like smtp.example.org (was '{MailText.OneLine(host)}').");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{Key}Port must be between 1 and 65535 (was {options.Port}).");
        }

        if (options.Security is { Length: > 0 } security && (!Enum.TryParse<SmtpSecurity>(security, ignoreCase: true, out var mode) || !Enum.IsDefined(mode)))
        {
            errors.Add($"{Key}Security must be None, StartTls or Tls (was '{MailText.OneLine(security)}').");
        }

        if (string.IsNullOrWhiteSpace(options.From))
        {
            errors.Add($"{Key}From is required: the sender's address, like Extensible <extensible@example.org>.");
        }
        else if (!MailboxAddress.TryParse(options.From, out var from) || options.From.Any(char.IsControl) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"{Key}From must be one address, like extensible@example.org or Extensible <extensible@example.org> (was '{MailText.OneLine(options.From)}').");
        }

        var hasUser = !string.IsNullOrEmpty(options.Username);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (hasUser && !hasPassword)
        {
            errors.Add($"{Key}Password is required with {Key}Username.");
        }
        else if (hasPassword && !hasUser)
        {
            errors.Add($"{Key}Username is required with {Key}Password.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{Key}Timeout must be more than 0 and at most 00:10:00 (was {options.Timeout}).");
        }

        if (options.PublicUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            errors.Add($"{Key}PublicUrl must be an absolute http or https address, like https://social.example.org.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
