using Extensible.People;

namespace Extensible.Admin.Shell;

/// <summary>
/// Every room of the console, in navigation order: the one list the navigation, the dashboard, the keyboard
/// shortcuts and the "not built yet" panels read. A room's page declares the same policy on its PageModel.
/// </summary>
public static class ConsoleRooms
{
    /// <summary>The start page.</summary>
    public static readonly ConsoleRoom Dashboard = new(
        "dashboard", "Dashboard", "/", Policies.Member, ConsoleSection.Work, "g d",
        "Where the workspace stands today, and the way into every room.", []);

    /// <summary>Writing posts.</summary>
    public static readonly ConsoleRoom Compose = new(
        "compose", "Compose", "/compose", Policies.Compose, ConsoleSection.Work, "g c",
        "Write one post for many networks at once.", []);

    /// <summary>The workspace's images and videos.</summary>
    public static readonly ConsoleRoom Media = new(
        "media", "Media", "/media", Policies.Member, ConsoleSection.Work, "g b",
        "The workspace's images and videos, ready to reuse in any post.", []);

    /// <summary>What goes out when.</summary>
    public static readonly ConsoleRoom Calendar = new(
        "calendar", "Calendar", "/calendar", Policies.Member, ConsoleSection.Work, "g l",
        "Every scheduled and published post, by day, week and month.", []);

    /// <summary>The live inbox: every member reads it; moderators act on it.</summary>
    public static readonly ConsoleRoom Inbox = new(
        "inbox", "Inbox", "/inbox", Policies.Member, ConsoleSection.Work, "g i",
        "One live inbox of comments, mentions and direct messages from every network.", []);

    /// <summary>People who talk about the brand.</summary>
    public static readonly ConsoleRoom Influencers = new(
        "influencers", "Influencers", "/influencers", Policies.Member, ConsoleSection.Insight, "g f",
        "The people who talk about the brand, and how far they reach.",
        [
            "Profiles found by influencer plugins, with reach, engagement and how often they mention the brand.",
            "Lists to follow, notes, and the history of every conversation with them.",
        ]);

    /// <summary>Reach, engagement and return.</summary>
    public static readonly ConsoleRoom Analytics = new(
        "analytics", "Analytics", "/analytics", Policies.Member, ConsoleSection.Insight, "g a",
        "Reach, engagement and return, per post, network and campaign.",
        [
            "Reach, impressions, engagement and clicks per post, network and campaign, over any period.",
            "Response times of the inbox and the moderators' workload.",
            "Exports for the people who ask for the numbers.",
        ]);

    /// <summary>Runtime plugins.</summary>
    public static readonly ConsoleRoom Plugins = new(
        "plugins", "Plugins", "/plugins", Policies.ViewPlugins, ConsoleSection.Administration, "g p",
        "The connectors, rules, workflows and trackers the server runs.", []);

    /// <summary>Connected social accounts.</summary>
    public static readonly ConsoleRoom Accounts = new(
        "accounts", "Accounts", "/accounts", Policies.ManageWorkspace, ConsoleSection.Administration, "g o",
        "The social accounts this workspace publishes to and listens on.",
        [
            "Connect a Facebook Page, Instagram, LinkedIn, Pinterest, X, TikTok, Threads, YouTube, Mastodon or Bluesky account through the network's own sign-in.",
            "See which connections are healthy, which tokens expire soon, and reconnect them.",
        ]);

    /// <summary>The workspace's people (its members) and invitations; the address stays /members so links keep working.</summary>
    public static readonly ConsoleRoom Members = new(
        "members", "People", "/members", Policies.ManagePeople, ConsoleSection.Administration, "g m",
        "Who works in this workspace, with which role; invitations.", []);

    /// <summary>The audit trail.</summary>
    public static readonly ConsoleRoom Audit = new(
        "audit", "Audit", "/audit", Policies.ManagePeople, ConsoleSection.Administration, "g u",
        "Who did what, and when.", []);

    /// <summary>The workspace's settings.</summary>
    public static readonly ConsoleRoom Settings = new(
        "settings", "Settings", "/settings", Policies.ManageWorkspace, ConsoleSection.Administration, "g s",
        "The workspace's name, time zone and defaults.", []);

    /// <summary>The whole server: its operators and server-wide settings.</summary>
    public static readonly ConsoleRoom Server = new(
        "server", "Server", "/server", Policies.OperateServer, ConsoleSection.Administration, "g v",
        "Who operates the server, and its server-wide settings.", []);

    /// <summary>All rooms, in navigation order.</summary>
    public static IReadOnlyList<ConsoleRoom> All { get; } =
        [Dashboard, Compose, Media, Calendar, Inbox, Influencers, Analytics, Plugins, Accounts, Members, Audit, Settings, Server];
}
