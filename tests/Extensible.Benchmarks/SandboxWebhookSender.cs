using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Extensible.Benchmarks;

/// <summary>
/// Sends signed one-item deliveries to the host's webhook address of a sandbox account, as the sandbox network would:
/// <c>x-sandbox-signature: sha256=&lt;hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;body&gt;"&gt;</c> with the default key (the
/// scheme of <c>SandboxWebhookSignature</c>, copied so that no plugin assembly is loaded outside its own load context).
/// </summary>
internal sealed class SandboxWebhookSender(HttpClient client, IReadOnlyList<(Guid AccountId, string PlatformAccountId)> accounts)
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("sandbox-webhook-key");
    private long _delivered;

    /// <summary>How many deliveries were answered 200.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Delivers one comment on <paramref name="postId"/> to account <paramref name="account"/> (an index); throws unless answered 200.</summary>
    public async Task SendAsync(int account, string itemId, string postId, string text, CancellationToken cancellationToken)
    {
        var (accountId, platformAccountId) = accounts[account % accounts.Count];
        var body = Body(platformAccountId, itemId, postId, text);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/extensible.sandbox/{accountId}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-sandbox-timestamp", timestamp);
        request.Headers.Add("x-sandbox-signature", Sign(timestamp, body));
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        Interlocked.Increment(ref _delivered);
    }

    private static byte[] Body(string platformAccountId, string itemId, string postId, string text)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("account", platformAccountId);
            json.WriteStartArray("items");
            json.WriteStartObject();
            json.WriteString("id", itemId);
            json.WriteString("kind", "comment");
            json.WriteString("authorId", "u1");
            json.WriteString("authorHandle", "@ada");
            json.WriteString("authorName", "Ada");
            json.WriteString("text", text);
            json.WriteString("createdAt", DateTimeOffset.UtcNow);
            json.WriteString("conversationId", postId);
            json.WriteString("postId", postId);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Sign(string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Key, signed));
    }
}
