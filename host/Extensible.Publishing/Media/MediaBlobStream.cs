using Npgsql;

namespace Extensible.Publishing.Media;

/// <summary>Reads stored media one chunk row at a time; seekable, so range requests and retries work.</summary>
internal sealed class MediaBlobStream(NpgsqlDataSource db, Guid workspaceId, string sha256, long length) : Stream
{
    private const string Query = "select data from publishing_media_blobs where workspace_id = $1 and sha256 = $2 and chunk = $3";

    private byte[]? _chunk;
    private int _chunkIndex = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!Prepare(out var index))
        {
            return 0;
        }

        if (index != _chunkIndex)
        {
            using var command = Command(index);
            Loaded(index, (byte[]?)command.ExecuteScalar());
        }

        return CopyOut(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Prepare(out var index))
        {
            return 0;
        }

        if (index != _chunkIndex)
        {
            await using var command = Command(index);
            Loaded(index, (byte[]?)await command.ExecuteScalarAsync(cancellationToken));
        }

        return CopyOut(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool Prepare(out int index)
    {
        index = (int)(_position / MediaBlobs.ChunkSize);
        return _position < length;
    }

    private NpgsqlCommand Command(int index)
    {
        var command = db.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workspaceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = index });
        return command;
    }

    private void Loaded(int index, byte[]? data)
    {
        _chunk = data ?? throw new IOException($"Media content {sha256} is missing its part {index}: it was removed while being read.");
        _chunkIndex = index;
    }

    private int CopyOut(Span<byte> buffer)
    {
        var offset = (int)(_position - ((long)_chunkIndex * MediaBlobs.ChunkSize));
        var count = Math.Min(buffer.Length, _chunk!.Length - offset);
        if (count <= 0)
        {
            return 0;
        }

        _chunk.AsSpan(offset, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
