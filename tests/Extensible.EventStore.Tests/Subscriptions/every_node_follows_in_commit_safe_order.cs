using System.Collections.Concurrent;
using Extensible.EventStore.Tests.Support;
using Extensible.Testing;
using Marten;
using Marten.Services;

namespace Extensible.EventStore.Tests.Subscriptions;

public sealed class every_node_follows_in_commit_safe_order(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task an_event_waits_while_an_earlier_number_may_still_commit_and_both_arrive_in_order()
    {
        await using var writer = await StoreNode.StartAsync(database.ConnectionString);
        await using var reader = await StoreNode.StartAsync(database.ConnectionString);
        var start = await reader.Store.GetLastSequenceAsync();
        var (seen, follower) = await FollowAsync(reader.Store);
        await using var _ = follower;
        var id = Guid.NewGuid();

        // An append that took its sequence number and has not committed yet.
        await using var dataSource = StoreNode.DataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var session = writer.Marten.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Events.Append($"held-{id}", new CommentReceived("held", "first"));
            await session.SaveChangesAsync();
        }

        var later = await writer.Store.AppendAsync($"later-{id}", ExpectedVersion.NoStream, [new CommentReceived("later", "second")]);

        // Nothing past the open transaction's number is readable yet: "second" would otherwise be handed over before "first".
        Assert.DoesNotContain((await reader.Store.ReadAllAsync(start)).Events, e => e.StreamId.EndsWith(id.ToString(), StringComparison.Ordinal));
        await transaction.CommitAsync();

        await Eventually.HoldsAsync(() => follower.Position >= later.LastSequence, "the other node's follower passes both");
        Assert.Equal(["first", "second"], seen.Where(e => e.StreamId.EndsWith(id.ToString(), StringComparison.Ordinal)).Select(e => ((CommentReceived)e.Data).Text));
    }

    [Fact]
    public async Task a_number_whose_transaction_rolled_back_holds_nobody_back()
    {
        await using var node = await StoreNode.StartAsync(database.ConnectionString);
        var (seen, follower) = await FollowAsync(node.Store);
        await using var _ = follower;
        var id = Guid.NewGuid();

        await using var dataSource = StoreNode.DataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var session = node.Marten.LightweightSession(SessionOptions.ForTransaction(transaction)))
            {
                session.Events.Append($"lost-{id}", new CommentReceived("lost", "never"));
                await session.SaveChangesAsync();
            }

            var after = await node.Store.AppendAsync($"after-{id}", ExpectedVersion.NoStream, [new CommentReceived("after", "kept")]);
            await transaction.RollbackAsync();

            await Eventually.HoldsAsync(() => follower.Position >= after.LastSequence, "the follower passes the hole once its transaction ended", TimeSpan.FromSeconds(10));
        }

        Assert.Equal(["kept"], seen.Where(e => e.StreamId.EndsWith(id.ToString(), StringComparison.Ordinal)).Select(e => ((CommentReceived)e.Data).Text));
    }

    [Fact]
    public async Task a_transaction_open_in_another_database_of_the_server_holds_nobody_back()
    {
        await using var node = await StoreNode.StartAsync(database.ConnectionString);
        var (seen, follower) = await FollowAsync(node.Store);
        await using var _ = follower;
        var id = Guid.NewGuid();

        // Another application's database on the same server, with a transaction that holds an xid and stays open.
        await using var elsewhere = StoreNode.DataSource(await TestPostgres.CreateDatabaseAsync("elsewhere"));
        await using var other = await elsewhere.OpenConnectionAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await using (var hold = new Npgsql.NpgsqlCommand("select pg_current_xact_id()", other, otherTransaction))
        {
            await hold.ExecuteScalarAsync();
        }

        // A hole in our sequence (an append that rolled back), then an event past it.
        await using var dataSource = StoreNode.DataSource(database.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        long after;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var session = node.Marten.LightweightSession(SessionOptions.ForTransaction(transaction)))
            {
                session.Events.Append($"lost-{id}", new CommentReceived("lost", "never"));
                await session.SaveChangesAsync();
            }

            after = (await node.Store.AppendAsync($"after-{id}", ExpectedVersion.NoStream, [new CommentReceived("after", "kept")])).LastSequence;
            await transaction.RollbackAsync();
        }

        // Passed once this database's transactions have ended, not only when the other database's ends (or the stale-hole
        // patience runs out).
        await Eventually.HoldsAsync(() => follower.Position >= after, "the follower passes the hole", Extensible.EventStore.Reading.EventRows.StaleGap / 2);
        Assert.Equal(["kept"], seen.Where(e => e.StreamId.EndsWith(id.ToString(), StringComparison.Ordinal)).Select(e => ((CommentReceived)e.Data).Text));
        await otherTransaction.RollbackAsync();
    }

    private static async Task<(ConcurrentQueue<StoredEvent> Seen, EventSubscription Follower)> FollowAsync(EventStore store)
    {
        var seen = new ConcurrentQueue<StoredEvent>();
        var follower = await EventSubscription.StartAsync(store, (events, _) =>
        {
            foreach (var e in events)
            {
                seen.Enqueue(e);
            }

            return Task.CompletedTask;
        });
        return (seen, follower);
    }
}
