using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Extensible.Testing;
using Extensible.Testing.Networks.Mastodon;

namespace Extensible.Host.Tests.Publishing.Accounts;

/// <summary>
/// What an operator with a real Mastodon account does, against the fake instance and only through the API: connect the
/// account on the instance named, publish to it, see a reply to the post arrive in the inbox (linked to our post, its
/// HTML made plain text), and answer it on the instance.
/// </summary>
public sealed class a_mastodon_account_is_published_to_and_moderated_end_to_end(MastodonNetworkHost host) : IClassFixture<MastodonNetworkHost>
{
    [Fact]
    public async Task connected_published_replied_to_and_answered()
    {
        await using var instance = await FakeMastodon.StartAsync();
        using var api = await host.OwnerApiAsync();
        using (var connected = await MastodonSignIn.ConnectAsync(host, api, instance))
        {
            Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);
        }

        var (_, workspaceId) = await host.OwnerAsync();
        var accountId = Assert.Single(await host.AccountDirectory.ListAsync(workspaceId), a => a.PlatformKey == "mastodon").Id;

        // Publish now: the status goes out on the instance, under the brand, and the post says where.
        using var created = await api.PostAsJsonAsync("/api/v1/posts", new { text = "Our harbour opens on Saturday #harbour", targets = new[] { new { accountId } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var postId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var publishing = await api.PostAsync($"/api/v1/posts/{postId}/publish-now", null))
        {
            Assert.Equal(HttpStatusCode.OK, publishing.StatusCode);
        }

        await Eventually.HoldsAsync(() => instance.Statuses.Any(s => s.Account == instance.Brand && s.Text.Contains("Our harbour opens on Saturday", StringComparison.Ordinal)),
            "the status reaches the instance");
        var status = instance.Statuses.Single(s => s.Account == instance.Brand);
        JsonElement target = default;
        await Eventually.HoldsAsync(async () =>
        {
            target = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{postId}")).GetProperty("targets")[0];
            return target.GetProperty("status").GetString() == "published";
        }, "the target is published");
        Assert.Equal($"{instance.Origin}/@brand/{status.Id}", target.GetProperty("url").GetString());

        // A follower answers the status; the poller brings the answer into the inbox, on a thread of our post.
        var fan = instance.AddAccount("fan", "Fan <i>of harbours</i>");
        var answer = instance.Mention(fan, "<p><span class=\"h-card\"><a href=\"https://fake.mastodon.test/@brand\">@<span>brand</span></a></span> Can I bring my dog &amp; my kayak? &lt;script&gt;</p>",
            inReplyToId: status.Id);
        JsonElement thread = default;
        await Eventually.HoldsAsync(async () =>
        {
            var threads = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/threads?account={accountId}")).GetProperty("threads");
            if (threads.GetArrayLength() == 0)
            {
                return false;
            }

            thread = threads[0];
            return true;
        }, "the reply reaches the inbox");
        Assert.Equal(postId, thread.GetProperty("ourPostId").GetGuid());
        var threadId = thread.GetProperty("id").GetGuid();
        var opened = await api.GetFromJsonAsync<JsonElement>($"/api/v1/inbox/threads/{threadId}");
        var item = opened.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("platformItemId").GetString() == answer.Id);
        Assert.Equal("@brand Can I bring my dog & my kayak? <script>", item.GetProperty("text").GetString());
        Assert.StartsWith("@fan", item.GetProperty("authorHandle").GetString(), StringComparison.Ordinal);

        // The moderator answers from the inbox: the reply goes out on the instance, in reply to the follower.
        using var replied = await api.PostAsJsonAsync($"/api/v1/inbox/threads/{threadId}/reply",
            new { text = "Dogs yes, kayaks at the slipway!", version = opened.GetProperty("thread").GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        await Eventually.HoldsAsync(() => instance.Statuses.Any(s => s.Account == instance.Brand && s.InReplyToId == answer.Id && s.Text.Contains("Dogs yes, kayaks at the slipway!", StringComparison.Ordinal)),
            "the reply reaches the instance in reply to the follower");

        // Mastodon lets no one delete the public's statuses, but the account's own: the moderator deletes the reply.
        var sent = await replied.Content.ReadFromJsonAsync<JsonElement>();
        var replyStatusId = sent.GetProperty("platformReplyId").GetString();
        using var deleted = await api.PostAsJsonAsync($"/api/v1/inbox/threads/{threadId}/delete-reply",
            new { replyId = sent.GetProperty("replyId").GetGuid(), version = sent.GetProperty("thread").GetProperty("thread").GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True(instance.Statuses.Single(s => s.Id == replyStatusId).Deleted);
        var after = await deleted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(after.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("direction").GetString() == "out").GetProperty("deleted").GetBoolean());
    }
}
