using System.Net;
using System.Net.Http.Headers;
using Extensible.Host.Tests.Api;
using Extensible.Inbox.Actions;
using Extensible.Inbox.Threads;
using Extensible.People;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox;

public sealed class saved_replies_are_filled_for_the_thread(InboxHost host) : IClassFixture<InboxHost>
{
    private async Task<HttpClient> ClientAsync(Role role = Role.Owner)
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        var token = await host.People.CreateApiTokenAsync(workspaceId, ownerId, $"saved replies {role}", role, Role.Owner, Publishing.PublishingHost.OwnerEmail);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<InboxThreadRow> ThreadAsync(string itemId, string? authorName)
    {
        var (_, workspaceId) = await host.OwnerAsync();
        var (accountId, network) = await host.SandboxAccountAsync();
        var item = new
        {
            id = itemId, kind = "comment", authorId = "u-" + itemId, authorHandle = "@someone", authorName, text = "Where is my order?",
            createdAt = DateTimeOffset.UtcNow, postId = "post-" + itemId, conversationId = "post-" + itemId,
        };
        Assert.Equal(HttpStatusCode.OK, (await host.DeliverAsync(accountId, InboxHost.Body(network, item))).StatusCode);
        return Assert.Single((await host.Inbox.ListAsync(workspaceId, new InboxQuery { AccountId = accountId })).Threads);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string name, string text, string? shortcut = null)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { name, text, shortcut });
        return (await (await client.PostJsonAsync("/api/v1/inbox/saved-replies", body)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task moderators_create_list_change_and_delete_saved_replies()
    {
        using var client = await ClientAsync(Role.Moderator);

        var id = await CreateAsync(client, "Thanks", "Thanks, {author.name}!", "thanks");
        var listed = await (await client.GetAsync("/api/v1/inbox/saved-replies")).JsonAsync();
        var changed = await (await client.PutJsonAsync($"/api/v1/inbox/saved-replies/{id}",
            """{"name":"Thanks a lot","text":"Thanks a lot, {author.name}. {me.name}","shortcut":"ty","version":1}""")).JsonAsync();
        var stale = await client.PutJsonAsync($"/api/v1/inbox/saved-replies/{id}", """{"name":"Thanks","text":"Thanks","version":1}""");
        var deleted = await client.DeleteAsync($"/api/v1/inbox/saved-replies/{id}");
        var gone = await client.GetAsync($"/api/v1/inbox/saved-replies/{id}");

        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && r.Text("shortcut") == "thanks");
        Assert.Equal(("Thanks a lot", "ty", 2L), (changed.Text("name"), changed.Text("shortcut"), changed.GetProperty("version").GetInt64()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task an_unknown_variable_a_taken_name_or_shortcut_is_refused_with_400_and_nothing_is_stored()
    {
        using var client = await ClientAsync();
        await CreateAsync(client, "Refund", "We refunded you, {author.name}.", "refund");
        var before = await host.ScalarAsync<long>("select count(*) from mt_events where type like 'inbox_saved_reply_%'");

        var unknown = await client.PostJsonAsync("/api/v1/inbox/saved-replies", """{"name":"Order","text":"Your order {order.id} is on its way, {author.name}."}""");
        var problem = await unknown.JsonAsync(HttpStatusCode.BadRequest);
        var name = await client.PostJsonAsync("/api/v1/inbox/saved-replies", """{"name":" refund ","text":"Again"}""");
        var shortcut = await client.PostJsonAsync("/api/v1/inbox/saved-replies", """{"name":"Refund 2","text":"Again","shortcut":"Refund"}""");

        var message = Assert.Single(problem.GetProperty("errors").GetProperty("text").EnumerateArray()).GetString();
        Assert.Contains("{order.id}", message, StringComparison.Ordinal);
        Assert.Contains("{author.name}", message, StringComparison.Ordinal);
        Assert.Equal(["name"], await name.ValidationErrorsAsync());
        Assert.Equal(["shortcut"], await shortcut.ValidationErrorsAsync());
        Assert.Equal(before, await host.ScalarAsync<long>("select count(*) from mt_events where type like 'inbox_saved_reply_%'"));
    }

    [Fact]
    public async Task rendering_for_a_thread_fills_the_author_and_leaves_a_missing_value_as_a_blank_the_reply_refuses()
    {
        using var client = await ClientAsync();
        var id = await CreateAsync(client, "Hello", "Hi {author.name} ({author.handle}), {me.name} here from {account.name} on {network}.");
        var named = await ThreadAsync("sr1", "Ada Lovelace");
        var nameless = await ThreadAsync("sr2", null);

        var filled = await (await client.GetAsync($"/api/v1/inbox/saved-replies/{id}/render?threadId={named.Id}")).JsonAsync();
        var blank = await (await client.GetAsync($"/api/v1/inbox/saved-replies/{id}/render?threadId={nameless.Id}")).JsonAsync();
        var noThread = await client.GetAsync($"/api/v1/inbox/saved-replies/{id}/render?threadId={Guid.NewGuid()}");

        Assert.StartsWith("Hi Ada Lovelace (@someone), Olive Owner here from Sandbox brand ", filled.Text("text"), StringComparison.Ordinal);
        Assert.EndsWith(" on Sandbox network (simulated).", filled.Text("text"), StringComparison.Ordinal);
        Assert.Empty(filled.GetProperty("missing").EnumerateArray());
        Assert.StartsWith("Hi {author.name} (@someone)", blank.Text("text"), StringComparison.Ordinal);
        Assert.Equal(["author.name"], blank.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, noThread.StatusCode);

        var (ownerId, workspaceId) = await host.OwnerAsync();
        var refused = await Assert.ThrowsAsync<InboxActionException>(() => host.Services.GetRequiredService<InboxActions>()
            .ReplyAsync(workspaceId, nameless.Id, nameless.Version, null, blank.Text("text"), ownerId));
        Assert.Contains("{author.name}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_hostile_author_name_stays_text_in_the_reply_and_in_the_console()
    {
        using var client = await ClientAsync();
        await CreateAsync(client, "Greeting", "Hello {author.name}!", "hello");
        const string hostile = "<img src=x onerror=alert(1)>\"Eve\"\n{me.name}";
        var thread = await ThreadAsync("sr3", hostile);
        var id = (await (await client.GetAsync("/api/v1/inbox/saved-replies")).JsonAsync()).EnumerateArray().First(r => r.Text("name") == "Greeting").GetProperty("id").GetGuid();

        var filled = await (await client.GetAsync($"/api/v1/inbox/saved-replies/{id}/render?threadId={thread.Id}")).JsonAsync();
        using var console = await host.ConsoleClientAsync();
        var picker = await console.GetAsync($"/inbox?handler=SavedReplies&id={thread.Id}");
        var html = await picker.Content.ReadAsStringAsync();

        // Plain text, on one line, and a variable inside a stranger's name is not filled in.
        Assert.Equal("Hello <img src=x onerror=alert(1)>\"Eve\" {me.name}!", filled.Text("text"));
        Assert.Equal(HttpStatusCode.OK, picker.StatusCode);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_analyst_reads_the_library_but_may_not_change_it()
    {
        using var analyst = await ClientAsync(Role.Analyst);

        var list = await analyst.GetAsync("/api/v1/inbox/saved-replies");
        var create = await analyst.PostJsonAsync("/api/v1/inbox/saved-replies", """{"name":"Nope","text":"Nope"}""");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }
}
