using Extensible.Sdk.Connectors;

namespace Extensible.Admin.Pages.Compose;

/// <summary>One network option of one account's variant, as the composer renders it from the connector's description.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Field">The connector's description of the option.</param>
/// <param name="Value">Its value now.</param>
/// <param name="Errors">What is wrong with it.</param>
public sealed record ComposeOptionInput(Guid AccountId, PostOptionField Field, string? Value, IReadOnlyList<string> Errors)
{
    /// <summary>The form field's name.</summary>
    public string Name => $"Form.Variants[{AccountId}].Options[{Field.Key}]";

    /// <summary>The input's id.</summary>
    public string InputId => $"option-{AccountId:N}-{Field.Key}";

    /// <summary>The hint's id.</summary>
    public string HintId => InputId + "-hint";
}
