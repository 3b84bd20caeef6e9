using System.Globalization;
using System.Text;
using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Testing;
using Extensible.Plugins.Sandbox.Webhooks;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Webhooks;

public sealed class webhook_signatures_are_verified
{
    private const string Body = """
        {"account":"sbx-a1","items":[
          {"id":"w1","kind":"comment","authorId":"u1","authorHandle":"@ada","authorName":"<b>Ada</b>","text":"<script>alert(1)</script>","createdAt":"2026-03-02T09:00:00Z","conversationId":"sbx-p1","postId":"sbx-p1","sentiment":"negative"},
          {"id":"w2","kind":"direct_message","authorId":"u2","authorHandle":"@bo","text":"Hi?","createdAt":"2026-03-02T09:00:01Z"}]}
        """;

    [Fact]
    public async Task a_delivery_signed_with_the_default_key_is_accepted_with_its_items_as_written()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);

        var result = await connector.HandleWebhookAsync(Signed(harness, SandboxWebhookSignature.DefaultKey, Body), CancellationToken.None);

        Assert.Equal(WebhookOutcome.Accepted, result.Outcome);
        Assert.Equal(["w1", "w2"], result.Items.Select(i => i.Item.PlatformItemId));
        Assert.All(result.Items, i => Assert.Equal("sbx-a1", i.PlatformAccountId));
        Assert.Equal("<script>alert(1)</script>", result.Items[0].Item.Text);
        Assert.Equal("<b>Ada</b>", result.Items[0].Item.Author.DisplayName);
        Assert.Equal(InboxItemKind.DirectMessage, result.Items[1].Item.Kind);
        Assert.Equal([Sentiment.Negative, null], result.Items.Select(i => i.Item.Sentiment));
        Assert.Empty(harness.Events.Recorded);
    }

    [Fact]
    public async Task the_api_key_setting_becomes_the_signing_key()
    {
        using var harness = SandboxHarness.Create(new SandboxSettings { ApiKey = "operator-secret" });
        var connector = new SandboxConnector(harness.Context);

        var withKey = await connector.HandleWebhookAsync(Signed(harness, "operator-secret", Body), CancellationToken.None);
        var withDefault = await connector.HandleWebhookAsync(Signed(harness, SandboxWebhookSignature.DefaultKey, Body), CancellationToken.None);

        Assert.Equal(WebhookOutcome.Accepted, withKey.Outcome);
        Assert.Equal(WebhookOutcome.Rejected, withDefault.Outcome);
    }

    public static TheoryData<string> Forgeries => ["wrong-key", "tampered-body", "stale", "from-the-future", "unsigned", "no-timestamp", "not-json", "unknown-kind", "unknown-sentiment", "wrong-method"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task a_forged_or_malformed_delivery_is_rejected_and_recorded(string forgery)
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var key = SandboxWebhookSignature.DefaultKey;
        var now = harness.Clock.GetUtcNow();
        var delivery = forgery switch
        {
            "wrong-key" => Signed(harness, "guess", Body),
            "tampered-body" => Signed(harness, key, Body) with { Body = Encoding.UTF8.GetBytes(Body.Replace("Hi?", "Pwned", StringComparison.Ordinal)) },
            "stale" => Signed(harness, key, Body, now - TimeSpan.FromMinutes(6)),
            "from-the-future" => Signed(harness, key, Body, now + TimeSpan.FromMinutes(6)),
            "unsigned" => new WebhookDelivery { Method = "POST", Body = Encoding.UTF8.GetBytes(Body) },
            "no-timestamp" => Signed(harness, key, Body) is var s ? s with { Headers = s.Headers.Where(h => h.Key != SandboxWebhookSignature.TimestampHeader).ToDictionary() } : s,
            "not-json" => Signed(harness, key, "<xml/>"),
            "unknown-kind" => Signed(harness, key, Body.Replace("\"comment\"", "\"review\"", StringComparison.Ordinal)),
            "unknown-sentiment" => Signed(harness, key, Body.Replace("\"negative\"", "\"Negative\"", StringComparison.Ordinal)),
            _ => Signed(harness, key, Body) with { Method = "PUT" },
        };

        var result = await connector.HandleWebhookAsync(delivery, CancellationToken.None);

        // A signed body that cannot be read is genuine but malformed (the host keeps it); anything else is a forgery.
        Assert.Equal(forgery is "not-json" or "unknown-kind" or "unknown-sentiment" ? WebhookOutcome.Malformed : WebhookOutcome.Rejected, result.Outcome);
        Assert.Empty(result.Items);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Equal(["webhook_rejected"], harness.Events.Recorded.Select(e => e.Type));
    }

    [Fact]
    public async Task a_replayed_delivery_is_checked_against_when_it_arrived_not_the_clock()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);
        var arrived = harness.Clock.GetUtcNow();
        var kept = Signed(harness, SandboxWebhookSignature.DefaultKey, Body);
        harness.Clock.Advance(TimeSpan.FromHours(3));

        // Three hours later, as the host replays a kept delivery: its age counts from its arrival; without it, from now.
        var replayed = await connector.HandleWebhookAsync(kept with { ReceivedAt = arrived }, CancellationToken.None);
        var late = await connector.HandleWebhookAsync(kept, CancellationToken.None);
        var tampered = await connector.HandleWebhookAsync(
            kept with { ReceivedAt = arrived, Body = Encoding.UTF8.GetBytes(Body.Replace("Hi?", "Pwned", StringComparison.Ordinal)) }, CancellationToken.None);

        Assert.Equal(WebhookOutcome.Accepted, replayed.Outcome);
        Assert.Equal(["w1", "w2"], replayed.Items.Select(i => i.Item.PlatformItemId));
        Assert.Equal(WebhookOutcome.Rejected, late.Outcome);
        Assert.Equal(WebhookOutcome.Rejected, tampered.Outcome);
    }

    [Fact]
    public async Task the_subscription_handshake_answers_the_challenge_only_with_the_right_verify_token()
    {
        using var harness = SandboxHarness.Create();
        var connector = new SandboxConnector(harness.Context);

        var right = await connector.HandleWebhookAsync(Handshake(SandboxWebhookSignature.DefaultKey), CancellationToken.None);
        var wrong = await connector.HandleWebhookAsync(Handshake("nope"), CancellationToken.None);

        Assert.Equal(WebhookOutcome.Challenge, right.Outcome);
        Assert.Equal("c-123", right.ChallengeResponse);
        Assert.Equal(WebhookOutcome.Rejected, wrong.Outcome);
        Assert.Null(wrong.ChallengeResponse);
    }

    private static WebhookDelivery Handshake(string token) => new()
    {
        Method = "GET",
        Query = new Dictionary<string, string> { ["hub.mode"] = "subscribe", ["hub.verify_token"] = token, ["hub.challenge"] = "c-123" },
    };

    private static WebhookDelivery Signed(PluginHarness harness, string key, string body, DateTimeOffset? at = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = (at ?? harness.Clock.GetUtcNow()).ToUnixTimeSeconds();
        return new WebhookDelivery
        {
            Method = "POST",
            Headers = new Dictionary<string, string>
            {
                [SandboxWebhookSignature.SignatureHeader] = SandboxWebhookSignature.Sign(key, timestamp, bytes),
                [SandboxWebhookSignature.TimestampHeader] = timestamp.ToString(CultureInfo.InvariantCulture),
                ["content-type"] = "application/json",
            },
            Body = bytes,
        };
    }
}
