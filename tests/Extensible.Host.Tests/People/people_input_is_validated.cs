using Extensible.People;

namespace Extensible.Host.Tests.People;

public sealed class people_input_is_validated(PeopleHost host) : IClassFixture<PeopleHost>
{
    public static TheoryData<string> BadNames => new()
    {
        "",
        "   ",
        "tab\there",
        "new\nline",
        "nul\0byte",
        "escape\u001b[31mred",
        "delete\u007f",
        "c1\u0085control",
        new string('n', 101),
    };

    public static TheoryData<string> BadEmails => new()
    {
        "",
        "plain",
        "no-at.example.com",
        "a@",
        "@example.com",
        "a b@example.com",
        "Name <a@example.com>",
        "a@example.com\r\nBcc: b@example.com",
        "a@example.com, b@example.com",
        new string('a', 250) + "@example.com",
    };

    [Fact]
    public async Task markup_in_names_is_stored_as_plain_text()
    {
        var (ownerId, _) = await host.OwnerAsync();
        const string Name = "<script>alert('x')</script> & \"Co\"";

        var workspaceId = await host.People.CreateWorkspaceAsync(Name, ownerId, "owner@example.com");

        Assert.Contains(await host.Directory.WorkspacesOfAsync(ownerId), w => w.WorkspaceId == workspaceId && w.WorkspaceName == Name);
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task names_with_control_characters_or_too_long_are_refused(string name)
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var before = await host.EventCountAsync();

        Assert.Equal("Workspace", (await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.CreateWorkspaceAsync(name, ownerId, "owner@example.com"))).Field);
        Assert.Equal("Workspace", (await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.RenameWorkspaceAsync(workspaceId, name, "owner@example.com"))).Field);
        Assert.Equal("Name", (await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.CreateApiTokenAsync(workspaceId, ownerId, name, Role.Analyst, Role.Owner, "owner@example.com"))).Field);
        var secret = await host.People.InviteAsync(workspaceId, $"n-{Guid.NewGuid():N}@example.com", Role.Analyst, Role.Owner, "owner@example.com");
        var invited = await host.EventCountAsync();
        Assert.Equal("Name", (await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(secret, name, PeopleHost.Password))).Field);

        Assert.Equal(before + 1, invited);
        Assert.Equal(invited, await host.EventCountAsync());
    }

    [Theory]
    [MemberData(nameof(BadEmails))]
    public async Task malformed_emails_are_refused(string email)
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var before = await host.EventCountAsync();

        var refused = await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.InviteAsync(workspaceId, email, Role.Analyst, Role.Owner, "owner@example.com"));

        Assert.Equal("Email", refused.Field);
        Assert.Equal(before, await host.EventCountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("nine char")]
    public async Task short_passwords_are_refused(string password)
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var secret = await host.People.InviteAsync(workspaceId, $"p-{Guid.NewGuid():N}@example.com", Role.Analyst, Role.Owner, "owner@example.com");

        Assert.Equal("Password", (await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(secret, "P", password))).Field);
    }

    [Fact]
    public async Task an_oversized_password_is_refused()
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var secret = await host.People.InviteAsync(workspaceId, $"p-{Guid.NewGuid():N}@example.com", Role.Analyst, Role.Owner, "owner@example.com");

        Assert.Equal("Password", (await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(secret, "P", new string('p', 257)))).Field);
    }
}
