using Extensible.People;
using Extensible.People.TwoFactor;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.People;

/// <summary>
/// An invitation for an email that has an account takes no password: its person signs in, where failures count toward
/// the lockout and the second factor is asked, and joins signed in. So the invitation is neither a password oracle nor a
/// way past a lockout or two-factor sign-in.
/// </summary>
public sealed class an_invitation_is_no_way_around_sign_in(PeopleHost host) : IClassFixture<PeopleHost>
{
    [Fact]
    public async Task a_right_and_a_wrong_password_get_the_same_refusal_and_store_nothing()
    {
        var (email, secret) = await InvitedAgainAsync();
        var before = await host.EventCountAsync();

        var wrong = await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(secret, null, "not the password"));
        var right = await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(secret, null, PeopleHost.Password));

        Assert.Equal((wrong.Field, wrong.Message), (right.Field, right.Message));
        Assert.Equal(before, await host.EventCountAsync());
        Assert.True((await host.People.SignInAsync(email, PeopleHost.Password, null)).Succeeded);
    }

    [Fact]
    public async Task five_wrong_passwords_lock_the_account_and_then_the_right_one_joins_nothing()
    {
        var (email, secret) = await InvitedAgainAsync();
        var userId = (await host.Directory.FindUserByEmailAsync(email))!.Id;

        // The one place a password is checked is sign-in.
        for (var i = 1; i <= PeopleService.LockoutThreshold; i++)
        {
            Assert.False((await host.People.SignInAsync(email, $"wrong password {i}", "127.0.0.1")).Succeeded);
        }

        Assert.True((await host.People.SignInAsync(email, PeopleHost.Password, "127.0.0.1")).IsLockedOut);
        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(secret, null, PeopleHost.Password));
        Assert.Single(await host.Directory.WorkspacesOfAsync(userId));
    }

    [Fact]
    public async Task an_account_with_two_factor_sign_in_does_not_join_with_its_password_alone()
    {
        var (email, secret) = await InvitedAgainAsync();
        var userId = (await host.Directory.FindUserByEmailAsync(email))!.Id;
        var twoFactor = host.Services.GetRequiredService<TwoFactorService>();
        var enrollment = twoFactor.Begin(email);
        await twoFactor.EnableAsync(userId, enrollment.Sealed, Totp.Code(Base32.Decode(enrollment.Key)!, host.Clock.GetUtcNow()));

        await Assert.ThrowsAsync<PeopleValidationException>(() => host.People.AcceptInvitationAsync(secret, null, PeopleHost.Password));

        Assert.Single(await host.Directory.WorkspacesOfAsync(userId));
    }

    // A member of the first workspace, invited to a second one.
    private async Task<(string Email, string Secret)> InvitedAgainAsync()
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var (_, email) = await host.MemberAsync(workspaceId, Role.Analyst);
        var second = await host.People.CreateWorkspaceAsync($"Second {Guid.NewGuid():N}", ownerId, "owner@example.com");
        return (email, await host.People.InviteAsync(second, email, Role.Editor, Role.Owner, "owner@example.com"));
    }
}
