using Extensible.Sdk;
using Extensible.Sdk.Content;

namespace Acme.Hello;

/// <summary>A content rule that warns (or blocks) when a draft is written in capital letters.</summary>
/// <param name="context">What the host hands the plugin: settings, clock, logger, HTTP client, store.</param>
public sealed class AllCapsRule(IPluginContext context) : IContentRule
{
    /// <inheritdoc />
    public CapabilityInfo Info { get; } = new("all-caps", "No shouting", "Warns when a draft is written in capital letters.");

    /// <inheritdoc />
    public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);

        // Settings are read at each use: operators change them while the plugin runs.
        var settings = context.GetSettings<AllCapsSettings>();
        var letters = draft.Text.Count(char.IsLetter);
        if (letters < settings.MinimumLetters)
        {
            return Task.FromResult(RuleVerdict.Pass());
        }

        var share = (double)draft.Text.Count(char.IsUpper) / letters;
        if (share < settings.CapitalShare)
        {
            return Task.FromResult(RuleVerdict.Pass());
        }

        var message = $"The text is {share:P0} capital letters; on {draft.Target.DisplayName} that reads as shouting.";
        return Task.FromResult(settings.Block ? RuleVerdict.Block(message) : RuleVerdict.Warn(message));
    }
}
