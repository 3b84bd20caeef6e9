using Extensible.EventStore.Tests.Support;
using Extensible.Testing;
using Npgsql;

namespace Extensible.EventStore.Tests.Reading;

public sealed class timestamps_are_utc_under_any_session_time_zone(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("America/Los_Angeles")]
    public async Task appended_and_read_back_alike(string timeZone)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Timezone = timeZone }.ConnectionString;
        await using var node = await StoreNode.StartAsync(connection);
        var before = DateTimeOffset.UtcNow;

        var stored = (await node.Store.AppendAsync("tz-" + Guid.NewGuid(), ExpectedVersion.NoStream, [new CommentReceived("a", "b")])).Events.Single();
        var read = (await node.Store.ReadStreamAsync(stored.StreamId)).Single();
        var state = (await node.Store.GetStreamAsync(stored.StreamId))!;

        Assert.Equal(TimeSpan.Zero, read.Timestamp.Offset);
        Assert.InRange(read.Timestamp, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.InRange(stored.Timestamp.UtcDateTime, before.UtcDateTime.AddSeconds(-5), DateTime.UtcNow.AddSeconds(5));
        Assert.InRange(state.Updated, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(timeZone, await StoreNode.ScalarAsync<string>(connection, "show timezone"));
    }
}
