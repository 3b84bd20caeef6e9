using System.Globalization;
using Extensible.Sdk;
using Extensible.Sdk.Content;

namespace Extensible.Plugins.Sandbox.Rules;

/// <summary>
/// A sample content rule: blocks drafts for the sandbox that use a banned word (from the settings), and warns about
/// plain <c>http://</c> links. It leaves drafts for real networks alone, since the sandbox ships with every installation.
/// </summary>
public sealed class BannedWordsRule : IContentRule
{
    private readonly IPluginContext _context;

    /// <summary>Creates the rule for the plugin's context.</summary>
    /// <param name="context">The plugin's context.</param>
    public BannedWordsRule(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <inheritdoc />
    public CapabilityInfo Info { get; } = new(
        "sandbox-banned-words",
        "Sandbox: banned words",
        "Blocks sandbox drafts that use a banned word from the sandbox's settings, and warns about links without https.");

    /// <inheritdoc />
    public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!draft.Target.IsSandbox)
        {
            return Task.FromResult(RuleVerdict.Pass());
        }

        var texts = draft.ThreadParts.Prepend(draft.Text).Append(draft.FirstComment ?? string.Empty).ToList();
        var banned = _context.GetSettings<SandboxSettings>().BannedWords
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(word => texts.Any(text => Contains(text, word)))
            .ToList();
        if (banned.Count > 0)
        {
            return Task.FromResult(RuleVerdict.Block([.. banned.Select(word => $"The sandbox does not allow \u201c{word}\u201d.")]));
        }

        return Task.FromResult(texts.Any(text => text.Contains("http://", StringComparison.OrdinalIgnoreCase))
            ? RuleVerdict.Warn("A link uses http://; people's browsers may warn about it. Use https:// where the site supports it.")
            : RuleVerdict.Pass());
    }

    // Whole words only, ignoring case: "cure" is not found in "secure".
    private static bool Contains(string text, string word)
    {
        var from = 0;
        while ((from = CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, word, from, CompareOptions.IgnoreCase)) >= 0)
        {
            var end = from + word.Length;
            if ((from == 0 || !char.IsLetterOrDigit(text[from - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            from = end;
        }

        return false;
    }
}
