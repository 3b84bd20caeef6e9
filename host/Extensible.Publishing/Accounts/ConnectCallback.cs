namespace Extensible.Publishing.Accounts;

/// <summary>The console's OAuth callback route, where networks send people back after they authorized an account.</summary>
public static class ConnectCallback
{
    /// <summary>The route template of the console page.</summary>
    public const string Route = "/accounts/callback/{pluginId}";

    /// <summary>The callback's absolute URI for a plugin under <paramref name="root"/> (the console's scheme, host and path base).</summary>
    public static Uri For(string root, string pluginId) =>
        new($"{root.TrimEnd('/')}/accounts/callback/{Uri.EscapeDataString(pluginId)}");
}
