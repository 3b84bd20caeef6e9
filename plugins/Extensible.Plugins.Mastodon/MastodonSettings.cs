using System.ComponentModel.DataAnnotations;

namespace Extensible.Plugins.Mastodon;

/// <summary>How the connector introduces itself to the instances it registers on.</summary>
public sealed class MastodonSettings
{
    /// <summary>The app's name, shown to people on the instance's authorization page and under posts.</summary>
    [Display(Name = "App name", Description = "Shown on each instance's authorization page and under the statuses published through it.")]
    [Required]
    [StringLength(60, MinimumLength = 1)]
    public string AppName { get; set; } = "Extensible";

    /// <summary>The app's web site, linked from the app's name on the instance (optional).</summary>
    [Display(Name = "App web site", Description = "Optional: the https address the app's name links to on each instance.")]
    [Url]
    [StringLength(500)]
    public string? Website { get; set; }
}
