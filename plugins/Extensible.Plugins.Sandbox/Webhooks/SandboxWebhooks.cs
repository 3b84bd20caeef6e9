using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Extensible.Plugins.Sandbox.Storage;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Webhooks;

/// <summary>
/// Verifies and reads sandbox webhook deliveries: a <c>GET</c> subscription handshake (Meta's <c>hub.*</c> parameters)
/// or a signed <c>POST</c> of <see cref="SandboxWebhookPayload"/>. Nothing in the body is read before the signature checks out.
/// </summary>
internal sealed class SandboxWebhooks(IPluginContext context)
{
    private const int MaxTextLength = 20_000;

    public async Task<WebhookResult> HandleAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var key = context.GetSettings<SandboxSettings>().WebhookKey;
        var result = delivery.Method.ToUpperInvariant() switch
        {
            "GET" => Handshake(delivery, key),
            "POST" => Delivery(delivery, key, delivery.ReceivedAt ?? context.Time.GetUtcNow()),
            _ => WebhookResult.Rejected($"Method {delivery.Method} is not a webhook delivery."),
        };
        if (result.Outcome is WebhookOutcome.Rejected or WebhookOutcome.Malformed)
        {
            context.Logger.WebhookRejected(result.Reason ?? "unknown");
            var json = JsonSerializer.Serialize(
                new Dictionary<string, string> { ["reason"] = result.Reason ?? "unknown" }, SandboxJson.Default.DictionaryStringString);
            await context.Events.RecordAsync("webhook_rejected", json, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static WebhookResult Handshake(WebhookDelivery delivery, string key)
    {
        if (!delivery.Query.TryGetValue("hub.mode", out var mode) || mode != "subscribe"
            || !delivery.Query.TryGetValue("hub.challenge", out var challenge) || string.IsNullOrEmpty(challenge))
        {
            return WebhookResult.Rejected("The handshake lacks hub.mode=subscribe or hub.challenge.");
        }

        var token = delivery.Query.TryGetValue("hub.verify_token", out var t) ? t : string.Empty;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(key))
            ? WebhookResult.Challenge(challenge)
            : WebhookResult.Rejected("The handshake's verify token is wrong.");
    }

    private static WebhookResult Delivery(WebhookDelivery delivery, string key, DateTimeOffset now)
    {
        if (!delivery.Headers.TryGetValue(SandboxWebhookSignature.SignatureHeader, out var signature)
            || !delivery.Headers.TryGetValue(SandboxWebhookSignature.TimestampHeader, out var stamp))
        {
            return WebhookResult.Rejected("The delivery is not signed.");
        }

        if (!long.TryParse(stamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timestamp)
            || timestamp < DateTimeOffset.MinValue.ToUnixTimeSeconds() || timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return WebhookResult.Rejected("The delivery's timestamp is not a Unix time.");
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > SandboxWebhookSignature.Tolerance)
        {
            return WebhookResult.Rejected("The delivery's timestamp is too far from now (a replay?).");
        }

        if (!SandboxWebhookSignature.Verify(key, timestamp, delivery.Body.Span, signature))
        {
            return WebhookResult.Rejected("The delivery's signature is wrong.");
        }

        SandboxWebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(delivery.Body.Span, SandboxJson.Default.SandboxWebhookPayload);
        }
        catch (JsonException)
        {
            return WebhookResult.Malformed("The delivery's body is not a sandbox payload.");
        }

        if (payload is null || string.IsNullOrWhiteSpace(payload.Account))
        {
            return WebhookResult.Malformed("The delivery names no account.");
        }

        var items = new List<WebhookItem>();
        foreach (var item in payload.Items)
        {
            var kind = item.Kind switch
            {
                "comment" => InboxItemKind.Comment,
                "mention" => InboxItemKind.Mention,
                "direct_message" => InboxItemKind.DirectMessage,
                _ => (InboxItemKind?)null,
            };
            if (kind is null || string.IsNullOrWhiteSpace(item.Id) || string.IsNullOrWhiteSpace(item.AuthorId) || item.Text.Length > MaxTextLength)
            {
                return WebhookResult.Malformed("The delivery holds an item without an id, an author or a known kind, or with too long a text.");
            }

            var sentiment = item.Sentiment switch
            {
                null => null,
                "negative" => Sentiment.Negative,
                "neutral" => Sentiment.Neutral,
                "positive" => Sentiment.Positive,
                _ => (Sentiment?)null,
            };
            if (item.Sentiment is not null && sentiment is null)
            {
                return WebhookResult.Malformed("The delivery holds an item whose sentiment is not negative, neutral or positive.");
            }

            items.Add(new WebhookItem(payload.Account, new InboxItem
            {
                PlatformItemId = item.Id,
                Kind = kind.Value,
                Author = new InboxAuthor { PlatformUserId = item.AuthorId, Handle = item.AuthorHandle, DisplayName = item.AuthorName },
                Text = item.Text,
                CreatedAt = item.CreatedAt,
                ConversationId = item.ConversationId,
                PlatformPostId = item.PostId,
                ParentItemId = item.ParentId,
                Sentiment = sentiment,
            }));
        }

        return WebhookResult.Accepted(items);
    }
}
