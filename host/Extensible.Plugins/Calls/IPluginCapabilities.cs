using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;
using Extensible.Sdk.Influencers;
using Extensible.Sdk.Moderation;

namespace Extensible.Plugins.Calls;

/// <summary>The capabilities of every running plugin on this node, each behind its plugin's guard: what publishing, the inbox and listening use.</summary>
public interface IPluginCapabilities
{
    /// <summary>Platform connectors.</summary>
    IReadOnlyList<GuardedCapability<IPlatformConnector>> Connectors { get; }

    /// <summary>Content rules.</summary>
    IReadOnlyList<GuardedCapability<IContentRule>> ContentRules { get; }

    /// <summary>Moderation workflow steps.</summary>
    IReadOnlyList<GuardedCapability<IModerationStep>> ModerationSteps { get; }

    /// <summary>Influencer sources.</summary>
    IReadOnlyList<GuardedCapability<IInfluencerSource>> InfluencerSources { get; }

    /// <summary>Listening sources.</summary>
    IReadOnlyList<GuardedCapability<IListeningSource>> ListeningSources { get; }
}
