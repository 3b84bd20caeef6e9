using Npgsql;
using NpgsqlTypes;

namespace Extensible.Publishing.Media;

/// <summary>
/// Media bytes in PostgreSQL (every node shares the database; none shares a disk): content-addressed per workspace by
/// SHA-256, in rows of <see cref="ChunkSize"/> bytes so a large video is streamed in and out, never held whole.
/// </summary>
internal sealed class MediaBlobs(NpgsqlDataSource db)
{
    public const int ChunkSize = 1024 * 1024;

    /// <summary>Stores the content under its hash, in one transaction; content stored already is left as it is.</summary>
    public async Task WriteAsync(Guid workspaceId, string sha256, Stream content, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("select exists (select 1 from publishing_media_blobs where workspace_id = $1 and sha256 = $2 and chunk = 0)", connection, transaction))
        {
            exists.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
            exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }

        var buffer = new byte[ChunkSize];
        await using var insert = new NpgsqlCommand(
            "insert into publishing_media_blobs (workspace_id, sha256, chunk, data) values ($1, $2, $3, $4) on conflict do nothing", connection, transaction);
        var workspace = new NpgsqlParameter<Guid> { TypedValue = workspaceId };
        var hash = new NpgsqlParameter<string> { TypedValue = sha256 };
        var index = new NpgsqlParameter<int>();
        var data = new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea };
        insert.Parameters.Add(workspace);
        insert.Parameters.Add(hash);
        insert.Parameters.Add(index);
        insert.Parameters.Add(data);
        for (var chunk = 0; ; chunk++)
        {
            var read = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken);
            if (read == 0 && chunk > 0)
            {
                break;
            }

            index.TypedValue = chunk;
            data.Value = new ReadOnlyMemory<byte>(buffer, 0, read);
            data.Size = read;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            if (read < ChunkSize)
            {
                break;
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A read-only, seekable stream over stored content of <paramref name="length"/> bytes.</summary>
    public Stream OpenRead(Guid workspaceId, string sha256, long length) => new MediaBlobStream(db, workspaceId, sha256, length);

    /// <summary>
    /// Removes content nothing uses any more: no live item (or thumbnail) with the same hash, and no item with it, deleted
    /// or not, in a post that is not discarded or a target not yet sent (those still publish what they were given).
    /// </summary>
    public async Task PurgeUnusedAsync(Guid workspaceId, IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            delete from publishing_media_blobs b
            where b.workspace_id = $1 and b.sha256 = any($2)
              and not exists (select 1 from publishing_media m where m.workspace_id = $1 and not m.deleted and (m.sha256 = b.sha256 or m.thumbnail_sha256 = b.sha256))
              and not exists (
                select 1 from publishing_media m
                where m.workspace_id = $1 and (m.sha256 = b.sha256 or m.thumbnail_sha256 = b.sha256)
                  and (exists (select 1 from publishing_posts p where p.workspace_id = $1 and p.state <> 'discarded' and p.content->'mediaIds' ? m.id::text)
                    or exists (select 1 from publishing_targets t where t.workspace_id = $1 and t.status not in ('published', 'dropped', 'deleted') and t.variant->'mediaIds' ? m.id::text)))
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. hashes] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
