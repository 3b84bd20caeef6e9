using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extensible.Host.Tests.Publishing;
using Extensible.Inbox.Threads;
using Extensible.Publishing.Accounts;
using Extensible.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Inbox;

/// <summary>
/// A publishing host (sandbox network running, fresh database) whose poller stays off unless a test turns it on, so what
/// the inbox holds is what the test delivered. Helpers send signed sandbox webhooks.
/// </summary>
public class InboxHost : PublishingHost
{
    public InboxHost()
    {
        Arguments = ["--Extensible:Inbox:Polling=false"];
    }

    public InboxBoard Inbox => Services.GetRequiredService<InboxBoard>();

    /// <summary>Connects a sandbox account; answers its id and the network's id for it (<c>sbx-a…</c>).</summary>
    public async Task<(Guid AccountId, string NetworkAccountId)> SandboxAccountAsync()
    {
        var accountId = await ConnectSandboxAccountAsync();
        var (_, workspaceId) = await OwnerAsync();
        var account = await Services.GetRequiredService<AccountDirectory>().FindAsync(workspaceId, accountId);
        return (accountId, account!.PlatformAccountId);
    }

    /// <summary>Posts a delivery to the account's webhook, signed with <paramref name="key"/> (the sandbox's default key unless given).</summary>
    public static Task<HttpResponseMessage> DeliverAsync(ExtensibleTestHost host, Guid accountId, string body, string? key = null, string plugin = "extensible.sandbox")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{plugin}/{accountId}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("x-sandbox-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("x-sandbox-signature", Sign(key ?? DefaultKey, timestamp, bytes));
        return host.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> DeliverAsync(Guid accountId, string body, string? key = null, string plugin = "extensible.sandbox") =>
        DeliverAsync(Host, accountId, body, key, plugin);

    /// <summary>The sandbox's signing key when its settings set none (docs/plugins/sandbox.md).</summary>
    public const string DefaultKey = "sandbox-webhook-key";

    // Signed as the sandbox's documentation says a network signs (HMAC-SHA256 of "<timestamp>.<body>"), not with the
    // plugin's own code: the test holds the plugin to its published contract.
    public static string Sign(string key, long timestamp, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), (byte[])[.. Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."), .. body]));

    /// <summary>A sandbox delivery body for one account's items.</summary>
    public static string Body(string networkAccountId, params object[] items) =>
        JsonSerializer.Serialize(new { account = networkAccountId, items }, JsonOptions);

    /// <summary>A comment on a post by <c>@ada</c>.</summary>
    public static object Comment(string id, string text, string postId = "p1") =>
        new { id, kind = "comment", authorId = "u-ada", authorHandle = "@ada", authorName = "Ada", text, createdAt = DateTimeOffset.UtcNow, postId, conversationId = postId };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
