using Microsoft.Extensions.Options;

namespace Extensible.Host.Security;

/// <summary>Stops the start when a proxy setting could not be read; each error names its key.</summary>
internal sealed class ProxyOptionsValidation : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
        options.BindingProblems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.BindingProblems);
}
