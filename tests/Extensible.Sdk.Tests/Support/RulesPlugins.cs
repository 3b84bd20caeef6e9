namespace Extensible.Sdk.Tests.Support;

/// <summary>A plugin whose settings class is <typeparamref name="TSettings"/>.</summary>
/// <typeparam name="TSettings">The settings class.</typeparam>
public sealed class SettingsPlugin<TSettings> : IPlugin
    where TSettings : class, new()
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin) => plugin.UseSettings<TSettings>();
}

/// <summary>A plugin with one content rule for each of <paramref name="keys"/>, in order.</summary>
/// <param name="keys">The rules' keys.</param>
public sealed class KeyedRulesPlugin(IEnumerable<string> keys) : IPlugin
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        foreach (var key in keys)
        {
            plugin.AddContentRule(_ => new FixedRule(key));
        }
    }
}
