using Extensible.People;
using Microsoft.AspNetCore.Authorization;

namespace Extensible.Host.Api;

/// <summary>Who may call an endpoint, in words, read from its metadata and the one declaration of policies (<see cref="Policies.Rules"/>).</summary>
internal static class EndpointAccess
{
    /// <summary>The policy names an endpoint requires (empty for a public one or one guarded by the fallback policy only).</summary>
    public static IReadOnlyList<string> Policies(IReadOnlyList<object> metadata) =>
        metadata.OfType<IAllowAnonymous>().Any() ? [] : [.. metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()];

    /// <summary>"public", or each policy with who satisfies it: "manage-people: … — capabilities: people.manage; roles holding them: Owner, Admin".</summary>
    public static string Describe(IReadOnlyList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return "public: no sign-in needed";
        }

        var names = Policies(metadata);
        if (names.Count == 0)
        {
            return "any signed-in person";
        }

        var parts = new List<string>();
        foreach (var name in names)
        {
            if (!People.Policies.Rules.TryGetValue(name, out var rule))
            {
                parts.Add(name);
                continue;
            }

            var roles = Enum.GetValues<Role>().Reverse().Where(role => People.Policies.Allows(name, Capabilities.Of(role))).ToList();
            var holders = rule.AnyOf is null ? "" : $" — capabilities: {string.Join(" or ", rule.AnyOf)}{(roles.Count > 0 ? $"; roles holding them: {string.Join(", ", roles)}" : "; no workspace role holds them")}";
            parts.Add($"{name}: {rule.Who}{holders}");
        }

        return string.Join("; ", parts);
    }
}
