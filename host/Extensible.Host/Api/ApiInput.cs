using Extensible.People;

namespace Extensible.Host.Api;

/// <summary>Checks the API's own input (what <see cref="PeopleService"/> does not check itself).</summary>
internal static class ApiInput
{
    private static readonly string RoleNames = string.Join(", ", Enumerable.Reverse(Enum.GetNames<Role>()));

    /// <summary>A role by name only: no numbers, no combinations.</summary>
    /// <exception cref="PeopleValidationException">Missing or not a role's name.</exception>
    public static Role Role(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new PeopleValidationException("role", $"Role is required: one of {RoleNames}.");
        }

        foreach (var role in Enum.GetValues<Role>())
        {
            if (string.Equals(role.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        throw new PeopleValidationException("role", $"Role must be one of {RoleNames}.");
    }

    /// <summary>An optional query text: at most <paramref name="max"/> characters, no control characters (<see cref="SearchFilter"/>).</summary>
    /// <exception cref="PeopleValidationException">Too long or with control characters.</exception>
    public static string? Filter(string? value, string field, int max) => SearchFilter.Parse(value, field, max);
}
