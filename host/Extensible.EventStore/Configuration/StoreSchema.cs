using System.Security.Cryptography;
using System.Text;
using JasperFx;
using Marten;
using Npgsql;

namespace Extensible.EventStore.Configuration;

/// <summary>
/// Brings Marten's schema (its tables and every declared read-model table) up to date at start-up, and only when the
/// configuration changed: comparing the whole schema with the database costs about half a second of every start,
/// so the schema's comment keeps a fingerprint of the DDL it was last brought up to. Dropping the comment forces a
/// full comparison at the next start.
/// </summary>
internal static class StoreSchema
{
    private const string Mark = "extensible schema ";

    /// <summary>Applies what changed; returns false when the database already had this exact schema.</summary>
    public static async Task<bool> ApplyAsync(IDocumentStore marten, NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var extra = TenantOrderIndex(schema);
        var fingerprint = Mark + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(marten.Storage.ToDatabaseScript() + extra)));
        await using (var read = dataSource.CreateCommand("select obj_description(to_regnamespace($1)::oid, 'pg_namespace')"))
        {
            read.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
            if (await read.ExecuteScalarAsync(cancellationToken) as string == fingerprint)
            {
                return false;
            }
        }

        await marten.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        await using (var index = dataSource.CreateCommand(extra))
        {
            await index.ExecuteNonQueryAsync(cancellationToken);
        }

        // The schema name is validated (EventStoreOptions) and the fingerprint is hex: nothing here is quoted from outside.
        await using var write = dataSource.CreateCommand($"comment on schema \"{schema}\" is '{fingerprint}'");
        await write.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    // An index Marten's event table lacks: a tenant's events newest first, the audit trail's keyset pages. Weasel applies
    // extra schema objects before Marten's event tables, so it follows them here. (The schema name is validated.)
    private static string TenantOrderIndex(string schema) =>
        $"create index if not exists {TenantOrderIndexName} on \"{schema}\".mt_events (tenant_id, seq_id);";

    public const string TenantOrderIndexName = "mt_events_tenant_seq";
}
