using Extensible.Sdk.Content;

namespace Extensible.Sdk.Tests.Support;

/// <summary>A plugin that registers two rules with one key, which the host refuses.</summary>
public sealed class DuplicateKeyPlugin : IPlugin
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        plugin.AddContentRule(_ => new FixedRule("same"));
        plugin.AddContentRule(_ => new FixedRule("same"));
    }
}

/// <summary>A plugin that declares its settings twice.</summary>
public sealed class TwiceSettingsPlugin : IPlugin
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        plugin.UseSettings<PostingSettings>();
        plugin.UseSettings<PostingSettings>();
    }
}

/// <summary>A rule that always passes, with the key it is given.</summary>
/// <param name="key">Its key.</param>
public sealed class FixedRule(string key) : IContentRule
{
    /// <inheritdoc />
    public CapabilityInfo Info { get; } = new(key, key, key);

    /// <inheritdoc />
    public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken) => Task.FromResult(RuleVerdict.Pass());
}
