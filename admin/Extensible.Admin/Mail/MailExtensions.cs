using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extensible.Admin.Mail;

/// <summary>Registers the console's optional mail.</summary>
public static class MailExtensions
{
    /// <summary>
    /// Binds <see cref="SmtpOptions"/> from <c>Extensible:Smtp</c>, validated when the host starts, and adds
    /// <see cref="IConsoleMail"/> and <see cref="InvitationMail"/>.
    /// </summary>
    public static IServiceCollection AddConsoleMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().Configure<IConfiguration>((options, configuration) => SmtpOptionsBinding.Bind(configuration, options)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidation>();
        services.AddSingleton<IConsoleMail, SmtpConsoleMail>();
        services.AddSingleton<InvitationMail>();
        return services;
    }
}
