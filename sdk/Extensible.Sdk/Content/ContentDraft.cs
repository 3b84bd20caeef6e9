using Extensible.Sdk.Connectors;

namespace Extensible.Sdk.Content;

/// <summary>A draft as it would be published to one target network.</summary>
public sealed record ContentDraft
{
    /// <summary>The workspace (brand or client) the draft belongs to.</summary>
    public required string WorkspaceId { get; init; }

    /// <summary>The target network, as its connector describes it.</summary>
    public required PlatformProfile Target { get; init; }

    /// <summary>The text for that network (for a thread, the first part).</summary>
    public required string Text { get; init; }

    /// <summary>For threads: the parts after the first.</summary>
    public IReadOnlyList<string> ThreadParts { get; init; } = [];

    /// <summary>The attached media's names, types, sizes and alt texts (not their content).</summary>
    public IReadOnlyList<MediaSummary> Media { get; init; } = [];

    /// <summary>The first comment, if any.</summary>
    public string? FirstComment { get; init; }

    /// <summary>When it is scheduled, if it is.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>The draft's labels (campaign, product line).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
}
