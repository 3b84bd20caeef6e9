using Extensible.Sdk.Moderation;

namespace Extensible.Sdk.Tests.Support;

/// <summary>A plugin with a moderation step that labels questions and remembers how many it saw.</summary>
public sealed class QuestionLabelPlugin : IPlugin
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin) => plugin.AddModerationStep(context => new QuestionStep(context));

    private sealed class QuestionStep(IPluginContext context) : IModerationStep
    {
        public CapabilityInfo Info { get; } = new("questions", "Questions", "Labels questions.");

        public async Task<ModerationDecision> DecideAsync(ModerationInput input, CancellationToken cancellationToken)
        {
            if (!input.Item.Text.TrimEnd().EndsWith('?'))
            {
                return ModerationDecision.None;
            }

            var seen = int.Parse(await context.Store.GetAsync("questions", cancellationToken) ?? "0", System.Globalization.CultureInfo.InvariantCulture) + 1;
            await context.Store.SetAsync("questions", seen.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            return new ModerationDecision { Labels = ["question"], Priority = InboxPriority.High };
        }
    }
}
