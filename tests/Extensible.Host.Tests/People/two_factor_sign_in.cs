using Extensible.EventStore;
using Extensible.People;
using Extensible.People.TwoFactor;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.People;

public sealed class two_factor_sign_in(PeopleHost host) : IClassFixture<PeopleHost>
{
    private TwoFactorService TwoFactor => host.Services.GetRequiredService<TwoFactorService>();

    [Fact]
    public async Task a_right_password_starts_no_session_until_a_code_passes()
    {
        var (userId, email, key, _) = await MemberWithTwoFactorAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(30));

        var first = await host.People.SignInAsync(email, PeopleHost.Password, "127.0.0.1");

        Assert.False(first.Succeeded);
        Assert.True(first.RequiresTwoFactor);
        Assert.Equal(Guid.Empty, first.SessionId);
        Assert.Empty(await host.Directory.SessionsOfAsync(userId));

        var second = await TwoFactor.CompleteSignInAsync(userId, Totp.Code(key, host.Clock.GetUtcNow()), "127.0.0.1", "Tests/1.0");

        Assert.True(second.Succeeded);
        Assert.True(await host.Directory.IsSessionActiveAsync(second.SessionId));
        var session = Assert.Single(await host.Directory.SessionsOfAsync(userId));
        Assert.Equal("Tests/1.0", session.UserAgent);
    }

    [Fact]
    public async Task a_code_is_refused_the_second_time()
    {
        var (userId, _, key, _) = await MemberWithTwoFactorAsync();
        // The code that turned it on is spent already.
        Assert.False((await TwoFactor.CompleteSignInAsync(userId, Totp.Code(key, host.Clock.GetUtcNow()), null, null)).Succeeded);

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(key, host.Clock.GetUtcNow());
        Assert.True((await TwoFactor.CompleteSignInAsync(userId, code, null, null)).Succeeded);

        Assert.False((await TwoFactor.CompleteSignInAsync(userId, code, null, null)).Succeeded);
        // Nor is an older code that would still be in the window.
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False((await TwoFactor.CompleteSignInAsync(userId, code, null, null)).Succeeded);
        Assert.True((await TwoFactor.CompleteSignInAsync(userId, Totp.Code(key, host.Clock.GetUtcNow()), null, null)).Succeeded);
    }

    [Fact]
    public async Task a_code_of_the_step_before_passes_and_one_of_two_steps_before_does_not()
    {
        var (userId, _, key, _) = await MemberWithTwoFactorAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(90));
        var step = Totp.TimeStep(host.Clock.GetUtcNow());

        Assert.False((await TwoFactor.CompleteSignInAsync(userId, Totp.Hotp(key, step - 2), null, null)).Succeeded);
        Assert.True((await TwoFactor.CompleteSignInAsync(userId, Totp.Hotp(key, step - 1), null, null)).Succeeded);
    }

    [Fact]
    public async Task a_recovery_code_works_once()
    {
        var (userId, _, _, codes) = await MemberWithTwoFactorAsync();
        Assert.Equal(TwoFactorService.RecoveryCodeCount, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());

        var used = await TwoFactor.CompleteSignInAsync(userId, $" {codes[3].ToUpperInvariant()} ", null, null);

        Assert.True(used.Succeeded);
        Assert.False((await TwoFactor.CompleteSignInAsync(userId, codes[3], null, null)).Succeeded);
        Assert.Equal(TwoFactorService.RecoveryCodeCount - 1, await host.Directory.RecoveryCodesLeftAsync(userId));
        Assert.True((await TwoFactor.CompleteSignInAsync(userId, codes[4], null, null)).Succeeded);
    }

    [Fact]
    public async Task wrong_codes_count_toward_the_lockout()
    {
        var (userId, email, key, _) = await MemberWithTwoFactorAsync();
        for (var i = 1; i < PeopleService.LockoutThreshold; i++)
        {
            Assert.True((await host.People.SignInAsync(email, PeopleHost.Password, null)).RequiresTwoFactor);
            var wrong = await TwoFactor.CompleteSignInAsync(userId, "000000", null, null);
            Assert.False(wrong.Succeeded);
            Assert.False(wrong.IsLockedOut);
        }

        Assert.True((await TwoFactor.CompleteSignInAsync(userId, "not-a-recovery-code", null, null)).IsLockedOut);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var right = await TwoFactor.CompleteSignInAsync(userId, Totp.Code(key, host.Clock.GetUtcNow()), null, null);
        Assert.True(right.IsLockedOut);
        Assert.True((await host.People.SignInAsync(email, PeopleHost.Password, null)).IsLockedOut);
    }

    [Fact]
    public async Task the_key_is_stored_encrypted_and_recovery_codes_only_as_hashes()
    {
        var (userId, _, key, codes) = await MemberWithTwoFactorAsync();
        var store = host.Services.GetRequiredService<EventStore.EventStore>();

        var events = await store.ReadStreamAsync($"user-{userId}", tenant: PeopleService.UsersTenant);

        var enabled = Assert.Single(events.Select(e => e.Data).OfType<TwoFactorEnabled>());
        Assert.DoesNotContain(Base32.Encode(key), enabled.ProtectedKey, StringComparison.Ordinal);
        Assert.All(codes, code => Assert.DoesNotContain(enabled.RecoveryCodeHashes, hash => hash.Contains(code, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(TwoFactorService.RecoveryCodeCount, enabled.RecoveryCodeHashes.Count);
    }

    [Fact]
    public async Task a_wrong_confirmation_code_turns_nothing_on()
    {
        var (userId, email) = await host.MemberAsync((await host.OwnerAsync()).WorkspaceId, Role.Editor);
        var enrollment = TwoFactor.Begin(email);
        var before = await host.EventCountAsync();

        var refused = await Assert.ThrowsAsync<PeopleValidationException>(() => TwoFactor.EnableAsync(userId, enrollment.Sealed, "000000"));
        await Assert.ThrowsAsync<PeopleValidationException>(() => TwoFactor.EnableAsync(userId, "tampered", Totp.Code(Base32.Decode(enrollment.Key)!, host.Clock.GetUtcNow())));

        Assert.Equal("Code", refused.Field);
        Assert.Equal(before, await host.EventCountAsync());
        Assert.False((await host.Directory.FindUserAsync(userId))!.HasTwoFactor);
        Assert.StartsWith($"otpauth://totp/Extensible%3A{Uri.EscapeDataString(email)}?secret={enrollment.Key}&issuer=Extensible", enrollment.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task turning_it_off_needs_the_password()
    {
        var (userId, email, _, _) = await MemberWithTwoFactorAsync();

        await Assert.ThrowsAsync<PeopleValidationException>(() => TwoFactor.DisableAsync(userId, "not my password"));
        Assert.True((await host.Directory.FindUserAsync(userId))!.HasTwoFactor);

        await TwoFactor.DisableAsync(userId, PeopleHost.Password);

        Assert.False((await host.Directory.FindUserAsync(userId))!.HasTwoFactor);
        Assert.Equal(0, await host.Directory.RecoveryCodesLeftAsync(userId));
        Assert.True((await host.People.SignInAsync(email, PeopleHost.Password, null)).Succeeded);
    }

    [Fact]
    public async Task an_admin_turns_a_members_two_factor_off_but_not_an_owners()
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var (adminId, _) = await host.MemberAsync(workspaceId, Role.Admin);
        var (userId, email, _, _) = await MemberWithTwoFactorAsync();
        var (ownerId, _) = await host.MemberAsync(workspaceId, Role.Owner);

        await TwoFactor.ResetAsync(workspaceId, userId, adminId, Role.Admin, "admin@example.com");

        Assert.True((await host.People.SignInAsync(email, PeopleHost.Password, null)).Succeeded);
        var refused = await Assert.ThrowsAsync<PeopleValidationException>(() => TwoFactor.ResetAsync(workspaceId, ownerId, adminId, Role.Admin, "admin@example.com"));
        Assert.Equal("Role", refused.Field);
    }

    private async Task<(Guid UserId, string Email, byte[] Key, IReadOnlyList<string> RecoveryCodes)> MemberWithTwoFactorAsync()
    {
        var (userId, email) = await host.MemberAsync((await host.OwnerAsync()).WorkspaceId, Role.Moderator);
        var enrollment = TwoFactor.Begin(email);
        var key = Base32.Decode(enrollment.Key)!;
        var codes = await TwoFactor.EnableAsync(userId, enrollment.Sealed, Totp.Code(key, host.Clock.GetUtcNow()));
        Assert.True((await host.Directory.FindUserAsync(userId))!.HasTwoFactor);
        return (userId, email, key, codes);
    }
}
