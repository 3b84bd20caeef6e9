using Npgsql;

namespace Extensible.EventStore.Tests.Support;

/// <summary>An inline projection that holds the append's transaction open until the test lets it go.</summary>
public sealed class GateProjection : IProjection
{
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<bool> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "gate";

    public Task Entered => _entered.Task;

    /// <summary>Lets the held append commit (true) or fail and roll back (false), and re-arms the gate.</summary>
    public void Release(bool commit)
    {
        var release = _release;
        _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        release.SetResult(commit);
    }

    public Task InitializeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken cancellationToken)
    {
        var release = _release.Task;
        _entered.SetResult();
        if (!await release)
        {
            throw new InvalidOperationException("the gate rolled this append back");
        }
    }

    public Task ResetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;
}
