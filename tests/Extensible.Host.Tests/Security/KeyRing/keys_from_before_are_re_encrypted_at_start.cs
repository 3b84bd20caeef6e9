using System.Xml.Linq;
using Extensible.Host.Security.KeyRing;
using Extensible.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Extensible.Host.Tests.Security.KeyRing;

public sealed class keys_from_before_are_re_encrypted_at_start
{
    [Fact]
    public async Task a_key_stored_in_plain_text_by_an_earlier_version_is_encrypted_and_still_reads_its_data()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("keyring");
        var protectedBefore = await StorePlaintextKeyAsync(connectionString, "a plugin secret");
        Assert.Contains("masterKey", Assert.Single(await KeyRingHosts.StoredKeysAsync(connectionString, "public.data_protection_keys")), StringComparison.Ordinal);
        var log = new LogRecorder();

        await using var host = await KeyRingHosts.StartAsync(connectionString, KeyRingHosts.NewDataFolder(), log);

        var key = Assert.Single(await KeyRingHosts.StoredKeysAsync(connectionString));
        Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", key, StringComparison.Ordinal);
        Assert.Equal("a plugin secret", host.Protector().Unprotect(protectedBefore));
        Assert.Contains(log.Entries, e => e.Category == "Extensible.Host.KeyRing" && e.EventId == 202);
    }

    [Fact]
    public async Task keys_of_a_previous_certificate_are_moved_to_the_new_one_which_then_suffices()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("keyring");
        var oldData = KeyRingHosts.NewDataFolder();
        string protectedBefore;
        await using (var old = await KeyRingHosts.StartAsync(connectionString, oldData))
        {
            protectedBefore = old.Protector().Protect("a session");
        }

        var newCertificate = Path.Combine(KeyRingHosts.NewDataFolder(), "new-keyring.pfx");
        var log = new LogRecorder();
        await using (var rotating = await KeyRingHosts.StartAsync(connectionString, KeyRingHosts.NewDataFolder(), log,
            $"--Extensible:KeyRing:CertificatePath={newCertificate}", $"--Extensible:KeyRing:PreviousCertificatePaths:0={Path.Combine(oldData, KeyRingOptions.DefaultFileName)}"))
        {
            Assert.Equal("a session", rotating.Protector().Unprotect(protectedBefore));
        }

        Assert.Contains(log.Entries, e => e.Category == "Extensible.Host.KeyRing" && e.EventId == 203);
        await using var retired = await KeyRingHosts.StartAsync(connectionString, KeyRingHosts.NewDataFolder(), null, $"--Extensible:KeyRing:CertificatePath={newCertificate}");
        Assert.Equal("a session", retired.Protector().Unprotect(protectedBefore));
    }

    [Fact]
    public async Task a_certificate_setting_that_is_not_base64_stops_the_build_naming_the_setting()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("keyring");

        var refusal = await Assert.ThrowsAsync<KeyRingException>(() => KeyRingHosts.StartAsync(connectionString, KeyRingHosts.NewDataFolder(), null, "--Extensible:KeyRing:Certificate=not base64!"));

        Assert.Contains("Extensible:KeyRing:Certificate", refusal.Message, StringComparison.Ordinal);
    }

    // What the host did before keys were encrypted: the framework with no encryptor, its key stored as it came, in public.
    private static async Task<string> StorePlaintextKeyAsync(string connectionString, string secret)
    {
        var repository = new ListRepository();
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().SetApplicationName("Extensible");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = repository);
        await using (var provider = services.BuildServiceProvider())
        {
            var protectedValue = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(KeyRingHosts.Purpose).Protect(secret);
            await using var db = NpgsqlDataSource.Create(connectionString);
            await using (var create = db.CreateCommand("create table if not exists data_protection_keys (name text primary key, xml text not null, created timestamptz not null default now())"))
            {
                await create.ExecuteNonQueryAsync();
            }

            foreach (var (name, element) in repository.Stored)
            {
                await using var insert = db.CreateCommand("insert into data_protection_keys (name, xml) values ($1, $2)");
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = element.ToString(SaveOptions.DisableFormatting) });
                await insert.ExecuteNonQueryAsync();
            }

            return protectedValue;
        }
    }

    private sealed class ListRepository : IXmlRepository
    {
        public List<(string Name, XElement Element)> Stored { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => [.. Stored.Select(s => s.Element)];

        public void StoreElement(XElement element, string friendlyName) => Stored.Add((friendlyName, element));
    }
}
