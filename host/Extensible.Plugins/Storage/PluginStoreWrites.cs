using Npgsql;

namespace Extensible.Plugins.Storage;

/// <summary>
/// Group commit for the plugins' key-value writes: values set while an earlier group is being written wait and are
/// written together in one statement and one commit, and each caller is answered once its group has committed (so a
/// caller reads its own write). A burst of plugin calls (a publisher's drain) then costs a few commits, not one each.
/// </summary>
internal sealed class PluginStoreWrites(NpgsqlDataSource dataSource)
{
    private const int MaxBatch = 500;
    private const string Upsert =
        "insert into plugin_store (plugin_id, key, value) select * from unnest($1::text[], $2::text[], $3::text[]) "
        + "on conflict (plugin_id, key) do update set value = excluded.value, updated = now()";

    private readonly Queue<Write> _queue = new();
    private bool _writing;

    /// <summary>Queues the write; completes when it is stored.</summary>
    public Task SetAsync(string pluginId, string key, string value, CancellationToken cancellationToken)
    {
        var write = new Write(pluginId, key, value, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (_queue)
        {
            _queue.Enqueue(write);
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            _ = Task.Run(WriteAsync, CancellationToken.None);
        }

        // A caller that stops waiting is not answered; its value may still be written with its group.
        return write.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync()
    {
        while (true)
        {
            var batch = new List<Write>();
            lock (_queue)
            {
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _writing = false;
                    return;
                }
            }

            if (!await TryStoreAsync(batch))
            {
                // One bad value (text PostgreSQL refuses) must not fail the others: each is written on its own.
                foreach (var write in batch)
                {
                    await TryStoreAsync([write]);
                }
            }
        }
    }

    private async Task<bool> TryStoreAsync(List<Write> batch)
    {
        try
        {
            // The last value of a key in the group wins, as if each had been written in turn.
            var last = batch.GroupBy(w => (w.PluginId, w.Key)).Select(g => g.Last()).ToArray();
            await using var command = dataSource.CreateCommand(Upsert);
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. last.Select(w => w.PluginId)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. last.Select(w => w.Key)] });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. last.Select(w => w.Value)] });
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            foreach (var write in batch)
            {
                write.Stored.TrySetResult();
            }

            return true;
        }
        catch (Exception e) when (batch.Count > 1 && e is NpgsqlException)
        {
            return false;
        }
        catch (Exception e)
        {
            foreach (var write in batch)
            {
                write.Stored.TrySetException(e);
            }

            return true;
        }
    }

    private sealed record Write(string PluginId, string Key, string Value, TaskCompletionSource Stored);
}
