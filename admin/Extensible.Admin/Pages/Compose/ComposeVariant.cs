namespace Extensible.Admin.Pages.Compose;

/// <summary>One account's variant as the form posts it: blank fields keep the shared content.</summary>
public sealed class ComposeVariant
{
    /// <summary>The text here instead of the shared text.</summary>
    public string? Text { get; set; }

    /// <summary>Whether this account gets its own media (<see cref="MediaIds"/>, possibly none) instead of the shared media.</summary>
    public bool OwnMedia { get; set; }

    /// <summary>The media here, when <see cref="OwnMedia"/>.</summary>
    public List<Guid> MediaIds { get; set; } = [];

    /// <summary>The thread here instead of the shared one.</summary>
    public string? Thread { get; set; }

    /// <summary>The first comment here instead of the shared one.</summary>
    public string? FirstComment { get; set; }

    /// <summary>The network's own options, by its keys.</summary>
    public Dictionary<string, string?> Options { get; set; } = [];
}
