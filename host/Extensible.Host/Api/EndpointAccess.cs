using Extensible.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Extensible.Host.Api;

/// <summary>Who may call an endpoint, in words, read from its metadata and the registered policies.</summary>
internal static class EndpointAccess
{
    /// <summary>The policy names an endpoint requires (empty for a public one or one guarded by the fallback policy only).</summary>
    public static IReadOnlyList<string> Policies(IReadOnlyList<object> metadata) =>
        metadata.OfType<IAllowAnonymous>().Any() ? [] : [.. metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()];

    /// <summary>"public", or each policy with its roles: "member (Analyst, Moderator, Editor, Admin, Owner)".</summary>
    public static async Task<string> DescribeAsync(IReadOnlyList<object> metadata, IAuthorizationPolicyProvider provider)
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
            var policy = await provider.GetPolicyAsync(name);
            var roles = policy?.Requirements.OfType<ClaimsAuthorizationRequirement>()
                .Where(r => r.ClaimType == ConsoleClaims.Role).SelectMany(r => r.AllowedValues ?? []).Reverse().ToList() ?? [];
            parts.Add(roles.Count > 0 ? $"{name}: {string.Join(", ", roles)} in the current workspace" : $"{name}: any signed-in person");
        }

        return string.Join("; ", parts);
    }
}
