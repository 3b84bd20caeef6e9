using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Inbox;

public sealed class generated_items_carry_the_sentiment_of_their_text
{
    public static TheoryData<string, Sentiment?> Categories => new()
    {
        { "praise", Sentiment.Positive },
        { "question", Sentiment.Neutral },
        { "complaint", Sentiment.Negative },
        { "abuse", Sentiment.Negative },
        { "spam", null },
        { "hostile", null },
    };

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task each_category_of_text_has_its_sentiment(string category, Sentiment? expected)
    {
        var settings = new SandboxSettings
        {
            ItemsPerMinute = 600,
            QuestionWeight = category == "question" ? 1 : 0,
            PraiseWeight = category == "praise" ? 1 : 0,
            ComplaintWeight = category == "complaint" ? 1 : 0,
            SpamWeight = category == "spam" ? 1 : 0,
            AbuseWeight = category == "abuse" ? 1 : 0,
            HostileTextWeight = category == "hostile" ? 1 : 0,
        };

        var items = await GenerateAsync(settings);

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(expected, i.Sentiment));
    }

    [Fact]
    public async Task the_default_mix_has_every_sentiment_and_items_without_one()
    {
        var items = await GenerateAsync(new SandboxSettings { ItemsPerMinute = 600 });

        Assert.Equal([Sentiment.Negative, Sentiment.Neutral, Sentiment.Positive, null], items.Select(i => i.Sentiment).Distinct().OrderBy(s => s ?? (Sentiment)int.MaxValue));
    }

    private static async Task<List<InboxItem>> GenerateAsync(SandboxSettings settings)
    {
        using var harness = SandboxHarness.Create(settings);
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var page = await connector.PollInboxAsync(account, null, CancellationToken.None);
        return [.. page.Items];
    }
}
