using Extensible.People;

namespace Extensible.Browser.Tests.Support;

/// <summary>A console set up unattended: its owner, Olive, and her first workspace, Acme.</summary>
public class OwnedConsole : ConsoleFixture
{
    public const string OwnerEmail = "owner@example.com";
    public const string OwnerName = "Olive Owner";
    public const string Password = "correct horse battery";

    private string? _ownerSession;

    /// <summary>The first workspace.</summary>
    public Guid WorkspaceId { get; private set; }

    protected override string[] HostArguments =>
    [
        $"--Extensible:Bootstrap:OwnerEmail={OwnerEmail}", $"--Extensible:Bootstrap:OwnerPassword={Password}",
        $"--Extensible:Bootstrap:OwnerName={OwnerName}", "--Extensible:Bootstrap:WorkspaceName=Acme",
    ];

    /// <summary>
    /// A tab on the dashboard where the owner is signed in. She signs in once per class and opens more tabs with the
    /// same session, as a person does: sign-in attempts are rate-limited per address.
    /// </summary>
    public async Task<ConsoleTab> OwnerTabAsync()
    {
        var tab = await OpenTabAsync(_ownerSession);
        if (_ownerSession is null)
        {
            await tab.SignInAsync(OwnerEmail, Password);
            _ownerSession = await tab.SessionAsync();
        }
        else
        {
            await tab.OpenAsync("/");
        }

        return tab;
    }

    /// <summary>Invites someone with <paramref name="role"/> and returns the invitation link's path, as the owner would send it.</summary>
    public async Task<(string Email, string Link)> InviteAsync(Role role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var secret = await People.InviteAsync(WorkspaceId, email, role, Role.Owner, OwnerEmail);
        return (email, $"/invitations/{secret}");
    }

    /// <summary>Someone who joined by invitation with <paramref name="role"/> and <see cref="Password"/>; returns their email.</summary>
    public async Task<string> AddMemberAsync(Role role, string name)
    {
        var (email, link) = await InviteAsync(role);
        await People.AcceptInvitationAsync(link["/invitations/".Length..], name, Password);
        return email;
    }

    protected override async Task ArrangeAsync()
    {
        var owner = await Directory.FindUserByEmailAsync(OwnerEmail) ?? throw new InvalidOperationException("The owner was not bootstrapped.");
        WorkspaceId = (await Directory.WorkspacesOfAsync(owner.Id)).Single().WorkspaceId;
    }
}
