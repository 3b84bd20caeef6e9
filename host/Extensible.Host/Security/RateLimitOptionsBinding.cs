using System.Globalization;

namespace Extensible.Host.Security;

/// <summary>Reads <see cref="RateLimitOptions"/> by hand, so that a value that is not a number or a misspelt key is an error naming the key.</summary>
internal static class RateLimitOptionsBinding
{
    private static readonly string[] Keys = [nameof(RateLimitOptions.SignInPerMinute), nameof(RateLimitOptions.ApiPerMinute)];

    public static void Bind(IConfiguration configuration, RateLimitOptions options)
    {
        var section = configuration.GetSection(RateLimitOptions.Section);
        foreach (var unknown in section.GetChildren().Where(c => !Keys.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            options.BindingProblems.Add($"{unknown.Path} is not a rate limit setting; the settings are {string.Join(", ", Keys)}.");
        }

        options.SignInPerMinute = Number(section, nameof(RateLimitOptions.SignInPerMinute), options) ?? options.SignInPerMinute;
        options.ApiPerMinute = Number(section, nameof(RateLimitOptions.ApiPerMinute), options) ?? options.ApiPerMinute;
    }

    private static int? Number(IConfigurationSection section, string key, RateLimitOptions options)
    {
        if (section[key] is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        options.BindingProblems.Add($"{section.Path}:{key} must be a whole number between 1 and {RateLimitOptions.Most} (was '{(text.Length > 40 ? text[..40] + "…" : text)}').");
        return null;
    }
}
