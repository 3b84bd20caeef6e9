using Extensible.Plugins.Sandbox.Moderation;
using Extensible.Plugins.Sandbox.Network;
using Extensible.Plugins.Sandbox.Tests.Support;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Moderation;

namespace Extensible.Plugins.Sandbox.Tests.Inbox;

public sealed class inbox_text_is_realistic_and_hostile
{
    [Fact]
    public async Task hostile_text_carries_markup_sql_direction_overrides_long_words_and_emoji()
    {
        var texts = await GenerateAsync(new SandboxSettings
        {
            ItemsPerMinute = 600, QuestionWeight = 0, PraiseWeight = 0, ComplaintWeight = 0, SpamWeight = 0, AbuseWeight = 0, HostileTextWeight = 1,
        }, TimeSpan.FromSeconds(30));

        Assert.Contains(texts, t => t.Contains("<script>", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("DROP TABLE", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains('\u202E', StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("👨‍👩‍👧‍👦", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Length > 3000 && t.Split(' ').Max(word => word.Length) > 3000);
        Assert.DoesNotContain(texts, t => t.Contains('\0', StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_default_mix_has_questions_praise_complaints_spam_and_abuse()
    {
        var texts = await GenerateAsync(new SandboxSettings { ItemsPerMinute = 600 }, TimeSpan.FromMinutes(1));
        var triage = new KeywordTriageStep();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var decision = await triage.DecideAsync(
                new ModerationInput
                {
                    WorkspaceId = "w",
                    Platform = SandboxProfile.Profile,
                    ReceivedAt = DateTimeOffset.UnixEpoch,
                    Item = new InboxItem
                    {
                        PlatformItemId = "i", Kind = InboxItemKind.Mention, Text = text, CreatedAt = DateTimeOffset.UnixEpoch,
                        Author = new InboxAuthor { PlatformUserId = "u", Handle = "@u" },
                    },
                },
                CancellationToken.None);
            labels.UnionWith(decision.Labels);
        }

        Assert.Superset(new HashSet<string>(["question", "praise", "complaint", "spam", "abuse"]), labels);
    }

    private static async Task<List<string>> GenerateAsync(SandboxSettings settings, TimeSpan wait)
    {
        using var harness = SandboxHarness.Create(settings);
        var connector = new SandboxConnector(harness.Context);
        var account = (await SandboxAccounts.ConnectAsync(connector)).Credentials;
        harness.Clock.Advance(wait);
        var texts = new List<string>();
        string? cursor = null;
        while (true)
        {
            var page = await connector.PollInboxAsync(account, cursor, CancellationToken.None);
            texts.AddRange(page.Items.Select(i => i.Text));
            texts.AddRange(page.Items.Select(i => i.Author.DisplayName ?? string.Empty));
            cursor = page.NextCursor;
            if (page.Items.Count == 0)
            {
                return texts;
            }
        }
    }
}
