using System.Security.Claims;
using Extensible.Admin.Mail;
using Extensible.People;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Extensible.Testing.Mail;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Extensible.Host.Tests.Mail;

/// <summary>
/// A real host whose <c>Extensible:Smtp</c> points at a <see cref="FakeSmtpServer"/> that wants a sign-in; the owner
/// Olive, her workspace Acme and an owner API token, as in the API tests.
/// </summary>
public class MailHost : IAsyncLifetime
{
    public const string OwnerEmail = "owner@example.com";
    public const string OwnerName = "Olive Owner";
    public const string OwnerToken = "ext_bootstrap-token-for-the-mail-tests";
    public const string SmtpUser = "extensible";
    public const string SmtpPassword = "smtp-secret-never-logged";

    private ExtensibleTestHost? _host;

    public FakeSmtpServer Smtp { get; } = new(SmtpUser, SmtpPassword);

    public ExtensibleTestHost Host => _host ?? throw new InvalidOperationException("Started by InitializeAsync.");

    public Guid WorkspaceId { get; private set; }

    public Guid OwnerId { get; private set; }

    public PeopleService People => Host.Services.GetRequiredService<PeopleService>();

    public PeopleDirectory Directory => Host.Services.GetRequiredService<PeopleDirectory>();

    /// <summary>The SMTP settings the host gets; a subclass may point them elsewhere.</summary>
    protected virtual string[] SmtpArguments => Smtp.HostArguments();

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("mail");
        _host = await ExtensibleTestHost.StartAsync(connectionString,
        [
            $"--Extensible:Bootstrap:OwnerEmail={OwnerEmail}", "--Extensible:Bootstrap:OwnerPassword=correct horse battery",
            $"--Extensible:Bootstrap:OwnerName={OwnerName}", "--Extensible:Bootstrap:WorkspaceName=Acme", $"--Extensible:Bootstrap:ApiToken={OwnerToken}",
            .. SmtpArguments,
        ]);
        OwnerId = (await Directory.FindUserByEmailAsync(OwnerEmail))!.Id;
        WorkspaceId = (await Directory.WorkspacesOfAsync(OwnerId)).Single().WorkspaceId;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Smtp.DisposeAsync();
    }

    /// <summary>A client that calls the API with the owner's token.</summary>
    public HttpClient OwnerClient()
    {
        var client = new HttpClient { BaseAddress = Host.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OwnerToken);
        return client;
    }

    /// <summary>Someone signed in as the console or the API sees them.</summary>
    public static ClaimsPrincipal Inviter(string name, string email) =>
        new(new ClaimsIdentity([new Claim(ConsoleClaims.DisplayName, name), new Claim(ConsoleClaims.Email, email)], "test"));

    public IConsoleMail Mail => Host.Services.GetRequiredService<IConsoleMail>();

    public InvitationMail InvitationMail => Host.Services.GetRequiredService<InvitationMail>();

    /// <summary>A recorded mail, parsed as a mail program would.</summary>
    public static MimeMessage Parse(FakeSmtpMessage message) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data)));

    /// <summary>A fresh address, so that each test finds its own mail.</summary>
    public static string NewAddress(string who = "new") => $"{who}-{Guid.NewGuid():N}@example.com";
}
