using System.ComponentModel.DataAnnotations;
using Extensible.Sdk;

namespace Extensible.Sdk.Tests.Support;

/// <summary>The sample plugin's settings, with the validation attributes the host and the harness apply.</summary>
public sealed class PostingSettings
{
    /// <summary>The network's API.</summary>
    [Required]
    [Url]
    public string ApiUrl { get; set; } = "https://api.example.test";

    /// <summary>A secret the plugin must never log.</summary>
    [Secret]
    [Required(ErrorMessage = "The API key is required.")]
    public string ApiKey { get; set; } = "default-key";

    /// <summary>The word the shouting rule looks for.</summary>
    [StringLength(20, MinimumLength = 2)]
    public string BannedWord { get; set; } = "spam";
}
