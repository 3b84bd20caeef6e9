using System.Net.Http.Headers;
using Extensible.People;

namespace Extensible.Host.Tests.Inbox.Api;

/// <summary>API clients of an <see cref="InboxHost"/>'s workspace, by role, and of a workspace of the owner's own.</summary>
public static class InboxApiCallers
{
    /// <summary>A client with a token of a new member of the owner's workspace in <paramref name="role"/> (the owner's own token for Owner).</summary>
    public static async Task<HttpClient> ApiAsAsync(this InboxHost host, Role role)
    {
        var (ownerId, workspaceId) = await host.OwnerAsync();
        if (role == Role.Owner)
        {
            return host.Client(await host.People.CreateApiTokenAsync(workspaceId, ownerId, "inbox tests", Role.Owner, Role.Owner, InboxHost.OwnerEmail));
        }

        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        var secret = await host.People.InviteAsync(workspaceId, email, role, Role.Owner, InboxHost.OwnerEmail);
        var userId = await host.People.AcceptInvitationAsync(secret, $"{role} Person", InboxHost.Password);
        return host.Client(await host.People.CreateApiTokenAsync(workspaceId, userId, "inbox tests", role, role, email));
    }

    /// <summary>A client with the owner's token of another workspace of theirs.</summary>
    public static async Task<HttpClient> ApiOfAnotherWorkspaceAsync(this InboxHost host)
    {
        var (ownerId, _) = await host.OwnerAsync();
        var other = await host.People.CreateWorkspaceAsync($"Other {Guid.NewGuid():N}", ownerId, InboxHost.OwnerEmail);
        return host.Client(await host.People.CreateApiTokenAsync(other, ownerId, "inbox tests", Role.Owner, Role.Owner, InboxHost.OwnerEmail));
    }

    private static HttpClient Client(this InboxHost host, string token)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
