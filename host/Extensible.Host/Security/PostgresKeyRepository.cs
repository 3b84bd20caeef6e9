using System.Xml.Linq;
using Extensible.EventStore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Extensible.Host.Security;

/// <summary>Keeps data protection keys in PostgreSQL, so cookies survive restarts and every node can read them.</summary>
internal sealed class PostgresKeyRepository(NpgsqlDataSource db, IOptions<EventStoreOptions> options) : IXmlRepository
{
    // Qualified: unqualified, "$user" in the search path sent it to the schema named like the user once that existed,
    // so a restart could open an empty table beside the one that held the keys. (The schema name is validated.)
    private readonly string _schema = '"' + options.Value.Schema + '"';
    private int _created;

    private string Table => $"{_schema}.data_protection_keys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureTable();
        using var command = db.CreateCommand($"select xml from {Table} order by created");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        EnsureTable();
        using var command = db.CreateCommand($"insert into {Table} (name, xml) values ($1, $2) on conflict (name) do nothing");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = friendlyName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    /// <summary>Every stored key with its name, as stored (for <see cref="KeyRing.KeyRingCheck"/>).</summary>
    public IReadOnlyList<StoredKey> ReadAll()
    {
        EnsureTable();
        using var command = db.CreateCommand($"select name, xml from {Table} order by created");
        using var reader = command.ExecuteReader();
        var keys = new List<StoredKey>();
        while (reader.Read())
        {
            keys.Add(new StoredKey(reader.GetString(0), reader.GetString(1)));
        }

        return keys;
    }

    /// <summary>Replaces a key's XML (its secret re-encrypted), unless another node changed it since it was read.</summary>
    public void Replace(string name, string expectedXml, XElement element)
    {
        using var command = db.CreateCommand($"update {Table} set xml = $3 where name = $1 and xml = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = expectedXml });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    // The data protection system calls this synchronously; the table is tiny and created once.
    private void EnsureTable()
    {
        if (Interlocked.Exchange(ref _created, 1) == 1)
        {
            return;
        }

        // Keys an earlier version left in public move here, so that no copy stays behind in plain text.
        using var command = db.CreateCommand($"""
            create schema if not exists {_schema};
            create table if not exists {Table} (name text primary key, xml text not null, created timestamptz not null default now());
            do $$ begin
              if '{_schema}' <> '"public"' and to_regclass('public.data_protection_keys') is not null then
                insert into {Table} (name, xml, created) select name, xml, created from public.data_protection_keys on conflict (name) do nothing;
                drop table public.data_protection_keys;
              end if;
            end $$;
            """);
        try
        {
            command.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another node created it at the same moment.
        }
    }
}

/// <summary>A data protection key as stored: its name and its XML.</summary>
internal sealed record StoredKey(string Name, string Xml);
