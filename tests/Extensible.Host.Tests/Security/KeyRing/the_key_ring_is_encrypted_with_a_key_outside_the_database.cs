using System.Runtime.Versioning;
using Extensible.Host.Security.KeyRing;
using Extensible.Testing;
using Extensible.Testing.Hosts;
using Microsoft.AspNetCore.DataProtection;

namespace Extensible.Host.Tests.Security.KeyRing;

[SupportedOSPlatform("linux")]
public sealed class the_key_ring_is_encrypted_with_a_key_outside_the_database
{
    [Fact]
    public async Task keys_in_the_database_hold_only_encrypted_secrets_and_nothing_warns_of_plain_text()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("keyring");
        var log = new LogRecorder();
        await using (var host = await KeyRingHosts.StartAsync(connectionString, KeyRingHosts.NewDataFolder(), log))
        {
            host.Protector().Protect("a session");
        }

        var keys = await KeyRingHosts.StoredKeysAsync(connectionString);
        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", key, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("No XML encryptor configured", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("unencrypted form", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_key_file_is_created_in_the_data_folder_readable_by_its_owner_only()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("keyring");
        var data = KeyRingHosts.NewDataFolder();
        var log = new LogRecorder();
        await using (await KeyRingHosts.StartAsync(connectionString, data, log))
        {
        }

        var file = Path.Combine(data, KeyRingOptions.DefaultFileName);
        Assert.True(File.Exists(file), $"{file} was not created");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Contains(log.Entries, e => e.Category == "Extensible.Host.KeyRing" && e.EventId == 200 && e.Message.Contains(file, StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_restart_with_the_same_key_file_reads_what_was_protected_before()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("keyring");
        var data = KeyRingHosts.NewDataFolder();
        string protectedBefore;
        await using (var first = await KeyRingHosts.StartAsync(connectionString, data))
        {
            protectedBefore = first.Protector().Protect("a two-factor key");
        }

        await using var second = await KeyRingHosts.StartAsync(connectionString, data);

        Assert.Equal("a two-factor key", second.Protector().Unprotect(protectedBefore));
    }

    [Fact]
    public async Task another_node_given_the_certificate_as_base64_reads_what_the_first_protected()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("keyring");
        var data = KeyRingHosts.NewDataFolder();
        string protectedByFirst;
        await using (var first = await KeyRingHosts.StartAsync(connectionString, data))
        {
            protectedByFirst = first.Protector().Protect("a session");
        }

        var certificate = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(data, KeyRingOptions.DefaultFileName)));
        await using var second = await KeyRingHosts.StartAsync(connectionString, KeyRingHosts.NewDataFolder(), null, $"--Extensible:KeyRing:Certificate={certificate}");

        Assert.Equal("a session", second.Protector().Unprotect(protectedByFirst));
    }

    [Fact]
    public async Task a_host_with_another_key_file_refuses_to_start_naming_the_file_and_what_to_do()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("keyring");
        await using (var first = await KeyRingHosts.StartAsync(connectionString, KeyRingHosts.NewDataFolder()))
        {
            first.Protector().Protect("a session");
        }

        var keysBefore = await KeyRingHosts.StoredKeysAsync(connectionString);
        var otherData = KeyRingHosts.NewDataFolder();
        await using var other = await ExtensibleTestHost.BuildAsync(connectionString, $"--Extensible:DataDir={otherData}");

        var refusal = await Assert.ThrowsAsync<KeyRingException>(() => other.StartAsync());

        Assert.Contains(Path.Combine(otherData, KeyRingOptions.DefaultFileName), refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Extensible:KeyRing:CertificatePath", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("copy keyring.pfx", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(keysBefore, await KeyRingHosts.StoredKeysAsync(connectionString));
    }
}
