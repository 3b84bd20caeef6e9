namespace Extensible.Host.Tests.People;

public sealed class sign_in_locks_out_after_five_failures(PeopleHost host) : IClassFixture<PeopleHost>
{
    [Fact]
    public async Task and_refuses_even_the_right_password_until_the_lock_ends()
    {
        await host.OwnerAsync();
        for (var i = 1; i < Extensible.People.PeopleService.LockoutThreshold; i++)
        {
            var failed = await host.People.SignInAsync("owner@example.com", $"wrong password {i}", "127.0.0.1");
            Assert.False(failed.Succeeded);
            Assert.False(failed.IsLockedOut);
        }

        var fifth = await host.People.SignInAsync("owner@example.com", "wrong password 5", "127.0.0.1");
        Assert.True(fifth.IsLockedOut);

        var right = await host.People.SignInAsync("owner@example.com", PeopleHost.Password, "127.0.0.1");
        Assert.False(right.Succeeded);
        Assert.True(right.IsLockedOut);
        // PostgreSQL keeps microseconds.
        Assert.Equal(fifth.LockedUntil!.Value, right.LockedUntil!.Value, TimeSpan.FromMilliseconds(1));

        host.Clock.Advance(Extensible.People.PeopleService.LockoutDuration - TimeSpan.FromSeconds(1));
        Assert.True((await host.People.SignInAsync("OWNER@example.com", PeopleHost.Password, "127.0.0.1")).IsLockedOut);

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var later = await host.People.SignInAsync("owner@example.com", PeopleHost.Password, "127.0.0.1");
        Assert.True(later.Succeeded);
        Assert.True(await host.Directory.IsSessionActiveAsync(later.SessionId));
        Assert.Equal(0, (await host.Directory.FindUserByEmailAsync("owner@example.com"))!.FailedLogins);
    }

    [Fact]
    public async Task an_unknown_email_says_no_more_than_a_wrong_password()
    {
        await host.OwnerAsync();

        var unknown = await host.People.SignInAsync("nobody@example.com", PeopleHost.Password, "127.0.0.1");

        Assert.False(unknown.Succeeded);
        Assert.False(unknown.IsLockedOut);
        Assert.Null(unknown.User);
    }
}
