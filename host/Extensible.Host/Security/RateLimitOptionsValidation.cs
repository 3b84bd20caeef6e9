using Microsoft.Extensions.Options;

namespace Extensible.Host.Security;

/// <summary>Checks <see cref="RateLimitOptions"/> at start; each error names its key.</summary>
internal sealed class RateLimitOptionsValidation : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        List<string> errors = [.. options.BindingProblems];
        Check(nameof(RateLimitOptions.SignInPerMinute), options.SignInPerMinute, errors);
        Check(nameof(RateLimitOptions.ApiPerMinute), options.ApiPerMinute, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string key, int value, List<string> errors)
    {
        if (value is < 1 or > RateLimitOptions.Most)
        {
            errors.Add($"{RateLimitOptions.Section}:{key} must be a whole number between 1 and {RateLimitOptions.Most} (was {value}).");
        }
    }
}
