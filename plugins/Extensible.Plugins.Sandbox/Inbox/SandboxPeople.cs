using Extensible.Plugins.Sandbox.Network;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Inbox;

/// <summary>The sandbox's public: who writes comments, mentions and messages. Some names are hostile too.</summary>
internal static class SandboxPeople
{
    private static readonly (string Handle, string Name)[] Ordinary =
    [
        ("@ada", "Ada Lovelace"),
        ("@zoe.martin", "Zoë Martín"),
        ("@li.lei", "李雷"),
        ("@mohammed", "محمد"),
        ("@olu", "Olúwaseun Adé"),
        ("@sanna", "Sanna Järvinen"),
        ("@raj", "Raj Patel"),
        ("@coffee_fan", "Coffee Fan ☕"),
        ("@grumpy_gus", "Gus"),
        ("@nina", "Nina Müller"),
        ("@kenji", "健二"),
        ("@maria.s", "María Sánchez"),
    ];

    private static readonly (string Handle, string Name)[] Hostile =
    [
        ("@mallory", "<b>Mallory</b><script>alert(1)</script>"),
        ("@eve", "\u202Eeve the reverser"),
        ("@bobby_tables", "Robert'); DROP TABLE members;--"),
        ("@emoji", "👨‍👩‍👧‍👦🏳️‍🌈🔥💯"),
    ];

    /// <summary>Someone to write an item; hostile texts come from hostile names.</summary>
    public static InboxAuthor Pick(SandboxDice dice, TextCategory category)
    {
        var (handle, name) = dice.Pick(category == TextCategory.HostileText ? Hostile : Ordinary);
        var id = "sbx-u-" + handle.TrimStart('@').Replace('.', '-');
        return new InboxAuthor
        {
            PlatformUserId = id,
            Handle = handle,
            DisplayName = name,
            ProfileUrl = new Uri(SandboxProfile.BaseUrl, Uri.EscapeDataString(handle)),
            Followers = (long)(Math.Pow(10, 1 + (dice.NextDouble() * 5))),
            IsVerified = dice.Below(20) == 0,
        };
    }
}
