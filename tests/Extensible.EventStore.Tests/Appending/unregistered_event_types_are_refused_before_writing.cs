using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Appending;

public sealed record NobodyRegisteredThis(string What);

public sealed class unregistered_event_types_are_refused_before_writing(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task a_batch_with_one_unregistered_type_writes_nothing()
    {
        await using var node = await StoreNode.StartAsync(database.ConnectionString);
        var stream = "post-" + Guid.NewGuid();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            node.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("a", "fine"), new NobodyRegisteredThis("not fine")]));

        Assert.Contains(nameof(NobodyRegisteredThis), refused.Message, StringComparison.Ordinal);
        Assert.Null(await node.Store.GetStreamAsync(stream));
        Assert.Equal(0, await StoreNode.EventCountAsync(database.ConnectionString));
        Assert.Throws<ArgumentException>(() => new EventStoreOptions().Events.Register("Bad Alias", TestEventsJsonContext.Default.CommentHidden));
    }
}
