using Extensible.People;
using Extensible.People.Passwords;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.People;

public sealed class password_reset_links(PeopleHost host) : IClassFixture<PeopleHost>
{
    private const string NewPassword = "a brand new passphrase";

    private PasswordService Passwords => host.Services.GetRequiredService<PasswordService>();

    [Fact]
    public async Task a_link_sets_a_new_password_once_and_ends_every_session()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (userId, email) = await host.MemberAsync(workspaceId, Role.Editor);
        var session = await host.People.SignInAsync(email, PeopleHost.Password, null);
        var (secret, expiresAt) = await Passwords.CreateResetLinkAsync(workspaceId, userId, ownerId, Role.Owner, "owner@example.com");
        Assert.Equal(host.Clock.GetUtcNow() + PasswordService.ResetLinkLifetime, expiresAt);

        await Passwords.ResetAsync(secret, NewPassword);

        Assert.False(await host.Directory.IsSessionActiveAsync(session.SessionId));
        Assert.False((await host.People.SignInAsync(email, PeopleHost.Password, null)).Succeeded);
        Assert.True((await host.People.SignInAsync(email, NewPassword, null)).Succeeded);
        var again = await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.ResetAsync(secret, "yet another passphrase"));
        Assert.Equal("Link", again.Field);
        Assert.Null(await Passwords.FindUsableResetAsync(secret));
        Assert.True((await host.People.SignInAsync(email, NewPassword, null)).Succeeded);
    }

    [Fact]
    public async Task a_link_stops_working_after_a_day()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (userId, email) = await host.MemberAsync(workspaceId, Role.Analyst);
        var (secret, _) = await Passwords.CreateResetLinkAsync(workspaceId, userId, ownerId, Role.Owner, "owner@example.com");

        host.Clock.Advance(PasswordService.ResetLinkLifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(await Passwords.FindUsableResetAsync(secret));
        host.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await Passwords.FindUsableResetAsync(secret));
        await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.ResetAsync(secret, NewPassword));
        Assert.True((await host.People.SignInAsync(email, PeopleHost.Password, null)).Succeeded);
    }

    [Fact]
    public async Task a_bad_new_password_stores_nothing_and_leaves_the_link_usable()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (userId, _) = await host.MemberAsync(workspaceId, Role.Analyst);
        var (secret, _) = await Passwords.CreateResetLinkAsync(workspaceId, userId, ownerId, Role.Owner, "owner@example.com");
        var before = await host.EventCountAsync();

        var refused = await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.ResetAsync(secret, "short"));

        Assert.Equal("Password", refused.Field);
        Assert.Equal(before, await host.EventCountAsync());
        Assert.NotNull(await Passwords.FindUsableResetAsync(secret));
    }

    [Fact]
    public async Task nobody_resets_someone_who_outranks_them()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (adminId, adminEmail) = await host.MemberAsync(workspaceId, Role.Admin);
        var (otherAdminId, _) = await host.MemberAsync(workspaceId, Role.Admin);
        var (editorId, _) = await host.MemberAsync(workspaceId, Role.Editor);
        var (analystId, _) = await host.MemberAsync(workspaceId, Role.Analyst);
        // An analyst here who owns a workspace of their own, where the admin is nobody.
        var (brandOwnerId, brandOwnerEmail) = await host.MemberAsync(workspaceId, Role.Analyst);
        await host.People.CreateWorkspaceAsync("Their brand", brandOwnerId, brandOwnerEmail);
        var before = await host.EventCountAsync();

        Assert.Equal("Role", (await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.CreateResetLinkAsync(workspaceId, ownerId, adminId, Role.Admin, adminEmail))).Field);
        Assert.Equal("Role", (await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.CreateResetLinkAsync(workspaceId, brandOwnerId, adminId, Role.Admin, adminEmail))).Field);
        Assert.Equal("Role", (await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.CreateResetLinkAsync(workspaceId, analystId, editorId, Role.Editor, "editor@example.com"))).Field);
        Assert.Equal("UserId", (await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.CreateResetLinkAsync(workspaceId, adminId, adminId, Role.Admin, adminEmail))).Field);
        Assert.Equal("Member", (await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.CreateResetLinkAsync(workspaceId, Guid.NewGuid(), adminId, Role.Admin, adminEmail))).Field);
        Assert.Equal(before, await host.EventCountAsync());

        await Passwords.CreateResetLinkAsync(workspaceId, otherAdminId, adminId, Role.Admin, adminEmail);
        await Passwords.CreateResetLinkAsync(workspaceId, analystId, adminId, Role.Admin, adminEmail);
        // Even this workspace's owner has no say over the other workspace's owner.
        await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.CreateResetLinkAsync(workspaceId, brandOwnerId, ownerId, Role.Owner, "owner@example.com"));
    }

    [Fact]
    public async Task changing_the_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var (userId, email) = await host.MemberAsync(workspaceId, Role.Moderator);
        var here = await host.People.SignInAsync(email, PeopleHost.Password, null);
        var elsewhere = await host.People.SignInAsync(email, PeopleHost.Password, null);

        var wrong = await Assert.ThrowsAsync<PeopleValidationException>(() => Passwords.ChangeAsync(userId, "not my password", NewPassword, here.SessionId));
        Assert.Equal("CurrentPassword", wrong.Field);
        Assert.True(await host.Directory.IsSessionActiveAsync(elsewhere.SessionId));

        await Passwords.ChangeAsync(userId, PeopleHost.Password, NewPassword, here.SessionId);

        Assert.True(await host.Directory.IsSessionActiveAsync(here.SessionId));
        Assert.False(await host.Directory.IsSessionActiveAsync(elsewhere.SessionId));
        Assert.True((await host.People.SignInAsync(email, NewPassword, null)).Succeeded);
    }
}
