using Extensible.EventStore.Tests.Support;
using Extensible.Testing;

namespace Extensible.EventStore.Tests.Tenancy;

public sealed class streams_belong_to_their_tenant(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task one_stream_name_in_two_tenants_is_two_streams_whose_events_carry_their_tenant()
    {
        await using var node = await StoreNode.StartAsync(database.ConnectionString);
        var stream = "post-" + Guid.NewGuid();

        await node.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("acme", "1")], new EventMetadata { Tenant = "acme" });
        await node.Store.AppendAsync(stream, ExpectedVersion.NoStream, [new CommentReceived("globex", "1"), new CommentReceived("globex", "2")], new EventMetadata { Tenant = "globex" });

        var acme = await node.Store.ReadStreamAsync(stream, tenant: "acme");
        var globex = await node.Store.ReadStreamAsync(stream, tenant: "globex");
        Assert.Equal([("acme", 1L)], acme.Select(e => (e.Tenant, e.Version)));
        Assert.Equal([("globex", 1L), ("globex", 2L)], globex.Select(e => (e.Tenant, e.Version)));
        Assert.All(acme.Concat(globex), e => Assert.Equal(e.Tenant, e.Metadata.Tenant));
        Assert.All(acme.Concat(globex), e => Assert.Equal(e.Tenant, ((CommentReceived)e.Data).Author));
        Assert.Equal(1, (await node.Store.GetStreamAsync(stream, "acme"))!.Version);
        Assert.Equal(2, (await node.Store.GetStreamAsync(stream, "globex"))!.Version);
        Assert.Null(await node.Store.GetStreamAsync(stream));
        await Assert.ThrowsAsync<StreamConcurrencyException>(() =>
            node.Store.AppendAsync(stream, 2, [new CommentReceived("acme", "wrong version")], new EventMetadata { Tenant = "acme" }));
    }
}
