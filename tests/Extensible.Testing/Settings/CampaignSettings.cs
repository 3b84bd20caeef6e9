using System.ComponentModel.DataAnnotations;
using Extensible.Sdk;

namespace Extensible.Testing.Settings;

/// <summary>Settings with the validation attributes plugin authors use, and a check of the whole object.</summary>
public sealed class CampaignSettings : IValidatableObject
{
    [Required]
    [Display(Name = "Campaign")]
    public string Campaign { get; set; } = "spring";

    [Range(1, 10)]
    public int Level { get; set; } = 3;

    [Range(0, 100)]
    public double Share { get; set; } = 50;

    [Url]
    public string? Site { get; set; }

    [EmailAddress]
    public string? Contact { get; set; }

    [StringLength(20, MinimumLength = 2)]
    public string Tag { get; set; } = "news";

    [Secret]
    [Required]
    public string ApiKey { get; set; } = "key";

    /// <summary>Read-only: not a setting, so its attribute is not checked.</summary>
    [Required]
    public string? Computed => Tag.Length > 100 ? Tag : null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Level > 8 && Tag == "news")
        {
            yield return new ValidationResult("A level above 8 is for campaigns, not news.", [nameof(Level), nameof(Tag)]);
        }
    }
}
