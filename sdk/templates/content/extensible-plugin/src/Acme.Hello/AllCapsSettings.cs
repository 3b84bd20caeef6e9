using System.ComponentModel.DataAnnotations;

namespace Acme.Hello;

/// <summary>The plugin's settings: the console renders a form from this class and validates it with these attributes.</summary>
public sealed class AllCapsSettings
{
    /// <summary>The share of capital letters from which a draft counts as shouting.</summary>
    [Display(Name = "Share of capitals", Description = "From 0.5 (half the letters) to 1 (every letter).")]
    [Range(0.5, 1.0, ErrorMessage = "The share of capitals is between 0.5 and 1.")]
    public double CapitalShare { get; set; } = 0.8;

    /// <summary>Drafts with fewer letters than this are never judged (an acronym is not shouting).</summary>
    [Display(Name = "Fewest letters", Description = "Shorter drafts are not checked.")]
    [Range(1, 1000, ErrorMessage = "The fewest letters is between 1 and 1000.")]
    public int MinimumLetters { get; set; } = 10;

    /// <summary>Whether a shouting draft is blocked rather than warned about.</summary>
    [Display(Name = "Block shouting drafts")]
    public bool Block { get; set; }
}
