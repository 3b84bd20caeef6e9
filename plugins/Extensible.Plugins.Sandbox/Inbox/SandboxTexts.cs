using System.Globalization;
using Extensible.Plugins.Sandbox.Network;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Inbox;

/// <summary>
/// The texts the sandbox's public writes. Hostile ones are built to break careless renderers (markup, SQL, right-to-left
/// overrides, very long words, emoji sequences, combining marks): the console must show them encoded, as written.
/// </summary>
internal static class SandboxTexts
{
    private static readonly string[] Products = ["espresso machine", "rain jacket", "running shoes", "phone case", "app", "loyalty card", "desk lamp"];

    private static readonly string[] Questions =
    [
        "What are your opening hours on Sunday?",
        "Do you ship to Canada? And how long does it take?",
        "Is the {product} available in blue?",
        "How do I reset my password? The link in the email doesn't work.",
        "Any discount codes for students?",
        "When will the {product} be back in stock?",
        "Can I return the {product} if I already opened the box?",
        "¿Tienen tienda en Madrid?",
        "Wann kommt die neue Kollektion?",
    ];

    private static readonly string[] Praise =
    [
        "Love the new {product}! Best purchase this year 😍",
        "Shout-out to your support team, they sorted my issue in 5 minutes. Thank you!",
        "This is exactly what I needed, thanks 🙌",
        "Been a customer for 10 years, never disappointed. Keep it up!",
        "Great post, great brand ❤️",
        "¡Me encanta! Gracias 🙌",
        "素晴らしい！ありがとう",
    ];

    private static readonly string[] Complaints =
    [
        "My order #{number} still hasn't arrived after 3 weeks. This is ridiculous.",
        "I was charged twice for the {product} and nobody answers my emails. I want a refund.",
        "The {product} broke after two days. Very disappointed.",
        "The app keeps crashing since the last update, please fix it.",
        "Third time asking: where is my refund for order #{number}? Talking to my lawyer next.",
        "Waited 45 minutes on the phone and got hung up on. Terrible service.",
    ];

    private static readonly string[] Spam =
    [
        "Congrats! You've been selected for a FREE iPhone 🎁 claim it now at http://free-prizes.example/claim?id={number}",
        "Get 10k followers fast 👉 http://followers-for-sale.example",
        "DM me for crypto signals, 100x gains guaranteed 🚀🚀🚀",
        "Check my profile for the giveaway 😉 http://giveaway.example/{number}",
        "Work from home and earn $5000/week!!! Click http://easy-money.example",
    ];

    private static readonly string[] Abuse =
    [
        "You people are clowns. Worst company ever, hope you go bankrupt.",
        "Delete your account, idiot.",
        "Your support team are useless morons.",
        "I know where your office is. Watch yourselves.",
        "Whoever runs this account is stupid and should be fired.",
    ];

    private static readonly string[] Hostile =
    [
        "<script>alert('sandbox xss')</script> nice post!",
        "<img src=x onerror=alert(document.cookie)> lol",
        "Robert'); DROP TABLE inbox_items;-- says hi",
        "' OR '1'='1' -- is this your password check?",
        "Please open my invoice: \u202Efdp.exe (totally safe)",
        "مرحبا \u202Bthis text switches direction\u202C then back",
        "{{7*7}} ${7*7} <%= 7*7 %> #{7*7}",
        "[click me](javascript:alert(1)) <a href=\"javascript:alert(2)\">or me</a>",
        "&lt;b&gt;already encoded&lt;/b&gt; &amp; <b>not encoded</b> &#60;i&#62;",
        "🔥🔥🔥 👨‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 🧑🏽‍💻 love it 💯",
        "Z̷̡̛a̸͎͝l̶̰̀g̵̣̈o̴͉͝ says h̸̢̛ḙ̷̈l̶̰͝l̵͎̀ő̴͉",
        "</textarea></div><div hx-get=\"/admin\" hx-trigger=\"load\">htmx?</div>",
        "{long}",
    ];

    /// <summary>A text of the category, mentioning the account's handle when the item is a mention.</summary>
    public static string Compose(TextCategory category, InboxItemKind kind, SandboxDice dice, string accountHandle)
    {
        var template = dice.Pick(category switch
        {
            TextCategory.Question => Questions,
            TextCategory.Praise => Praise,
            TextCategory.Complaint => Complaints,
            TextCategory.Spam => Spam,
            TextCategory.Abuse => Abuse,
            _ => Hostile,
        });
        var text = template
            .Replace("{product}", dice.Pick(Products), StringComparison.Ordinal)
            .Replace("{number}", (10000 + dice.Below(90000)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{long}", LongText(dice), StringComparison.Ordinal);
        return kind == InboxItemKind.Mention ? $"{accountHandle} {text}" : text;
    }

    /// <summary>
    /// The tone of the category's texts, as a network that rates sentiment would give it; <see langword="null"/> where it
    /// would not judge (spam, and the hostile texts, which are built to break renderers rather than to say anything).
    /// </summary>
    public static Sentiment? SentimentOf(TextCategory category) => category switch
    {
        TextCategory.Praise => Sentiment.Positive,
        TextCategory.Question => Sentiment.Neutral,
        TextCategory.Complaint or TextCategory.Abuse => Sentiment.Negative,
        _ => null,
    };

    // One unbroken word of several thousand characters: the page must wrap or clip it, not widen.
    private static string LongText(SandboxDice dice) =>
        "So" + new string('o', 3000 + dice.Below(2000)) + " long. " + string.Concat(Enumerable.Repeat("AAAAAAAAAA", 100));
}
