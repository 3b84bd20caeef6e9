using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Extensible.Host.Security;

/// <summary>Keeps data protection keys in PostgreSQL, so cookies survive restarts and every node can read them.</summary>
internal sealed class PostgresKeyRepository(NpgsqlDataSource db) : IXmlRepository
{
    private int _created;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureTable();
        using var command = db.CreateCommand("select xml from data_protection_keys order by created");
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
        using var command = db.CreateCommand("insert into data_protection_keys (name, xml) values ($1, $2) on conflict (name) do nothing");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = friendlyName });
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

        using var command = db.CreateCommand("create table if not exists data_protection_keys (name text primary key, xml text not null, created timestamptz not null default now())");
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
