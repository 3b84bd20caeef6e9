using System.Net.Http.Headers;
using System.Security.Claims;
using Extensible.People;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Tests.Api;

/// <summary>Someone in the test workspace, with an API token of their role.</summary>
public sealed record Person(Guid UserId, string Email, Role Role, string Token);

/// <summary>
/// A real host on a fresh database per test class, set up unattended: an owner, a workspace and an owner API token.
/// Adds people by invitation, signs them in with a real session cookie and counts the stored events.
/// </summary>
public sealed class ApiHost : IAsyncLifetime
{
    public const string OwnerEmail = "owner@example.com";
    public const string Password = "correct horse battery";
    public const string OwnerToken = "ext_bootstrap-token-for-the-api-tests";

    private ExtensibleTestHost? _host;

    public ExtensibleTestHost Host => _host ?? throw new InvalidOperationException("Started by InitializeAsync.");

    public string ConnectionString { get; private set; } = "";

    /// <summary>This host's own folder of installed plugins (its staging area is <c>.staging</c> in it), never the shared default.</summary>
    public string PluginsPath { get; } = Path.Combine(Path.GetTempPath(), "extensible-api-tests", Guid.NewGuid().ToString("N"), "plugins");

    public Person Owner { get; private set; } = null!;

    public Guid WorkspaceId { get; private set; }

    public PeopleService People => Host.Services.GetRequiredService<PeopleService>();

    public PeopleDirectory Directory => Host.Services.GetRequiredService<PeopleDirectory>();

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("api");
        _host = await ExtensibleTestHost.StartAsync(ConnectionString, new ExtensibleTestHostOptions
        {
            InstalledPluginsFolder = PluginsPath,
            Arguments =
            [
                $"--Extensible:Bootstrap:OwnerEmail={OwnerEmail}", $"--Extensible:Bootstrap:OwnerPassword={Password}",
                "--Extensible:Bootstrap:OwnerName=Olive Owner", "--Extensible:Bootstrap:WorkspaceName=Acme", $"--Extensible:Bootstrap:ApiToken={OwnerToken}",
            ],
        });
        var owner = (await Directory.FindUserByEmailAsync(OwnerEmail))!;
        WorkspaceId = (await Directory.WorkspacesOfAsync(owner.Id)).Single().WorkspaceId;
        Owner = new Person(owner.Id, OwnerEmail, Role.Owner, OwnerToken);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(PluginsPath)!, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>A client that never follows redirects (so a redirect to a sign-in page shows) and sends no cookies of its own.</summary>
    public HttpClient Client(string? token = null, string? cookie = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Host.Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }

    /// <summary>
    /// A client that calls as the console does for <paramref name="email"/>: with a session cookie, the console's
    /// antiforgery token (taken from one of its pages) and the server's own <c>Origin</c>, which the API asks of
    /// session callers before it changes anything.
    /// </summary>
    public async Task<HttpClient> ConsoleClientAsync(string email)
    {
        var session = await SessionCookieAsync(email);
        var client = Client();
        var token = await ConsoleToken.FetchAsync(client, session);
        client.DefaultRequestHeaders.Add("Cookie", $"{session}; {token.Cookie}");
        client.DefaultRequestHeaders.Add(Extensible.Admin.AdminExtensions.AntiforgeryHeader, token.RequestToken);
        client.DefaultRequestHeaders.Add("Origin", Host.Address.GetLeftPart(UriPartial.Authority));
        return client;
    }

    /// <summary>Invites someone with <paramref name="role"/>, lets them accept, and gives them a token of that role.</summary>
    public async Task<Person> AddMemberAsync(Role role, Guid? workspaceId = null, string? name = null)
    {
        var workspace = workspaceId ?? WorkspaceId;
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var secret = await People.InviteAsync(workspace, email, role, Role.Owner, OwnerEmail);
        var userId = await People.AcceptInvitationAsync(secret, name ?? $"{role} Person", Password);
        var token = await People.CreateApiTokenAsync(workspace, userId, "tests", role, role, email);
        return new Person(userId, email, role, token);
    }

    /// <summary>Another API token of <paramref name="person"/> in the test workspace; its id and value.</summary>
    public async Task<(Guid Id, string Token)> NewTokenAsync(Person person, Guid? workspaceId = null, IReadOnlyList<string>? serverCapabilities = null)
    {
        var held = serverCapabilities?.ToHashSet() ?? [];
        var token = await People.CreateApiTokenAsync(workspaceId ?? WorkspaceId, person.UserId, "tests", person.Role, person.Role, serverCapabilities ?? [], held, person.Email);
        return ((await Directory.AuthenticateTokenAsync(token))!.TokenId, token);
    }

    /// <summary>
    /// Signs in as the console does (a password check that starts a revocable session) and returns the <c>Cookie</c>
    /// header of that session, protected with the host's own keys.
    /// </summary>
    public async Task<string> SessionCookieAsync(string email, string password = Password) => (await SessionAsync(email, password)).Cookie;

    /// <summary>As <see cref="SessionCookieAsync"/>, with the session's id (to see whether it is still active).</summary>
    public async Task<(Guid SessionId, string Cookie)> SessionAsync(string email, string password = Password)
    {
        var result = await People.SignInAsync(email, password, "127.0.0.1");
        Assert.True(result.Succeeded, $"{email} could not sign in.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ConsoleClaims.UserId, result.User!.Id.ToString()),
            new Claim(ConsoleClaims.DisplayName, result.User.DisplayName),
            new Claim(ConsoleClaims.Email, result.User.Email),
            new Claim(ConsoleClaims.SessionId, result.SessionId.ToString()),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        var options = Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), CookieAuthenticationDefaults.AuthenticationScheme);
        return (result.SessionId, $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
    }

    /// <summary>How many events are stored, to show that refused input stored nothing.</summary>
    public Task<long> EventCountAsync() => Host.StoredEventCountAsync();
}
