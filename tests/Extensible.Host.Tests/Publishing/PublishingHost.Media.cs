using System.Net.Http.Headers;
using Extensible.People;
using Extensible.Publishing.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Publishing;

/// <summary>The media library's helpers: the service, what is stored, and an API client.</summary>
public sealed partial class PublishingHost
{
    public MediaLibrary Media => Services.GetRequiredService<MediaLibrary>();

    /// <summary>How many media events and blob rows a workspace has: refusals must leave both as they were.</summary>
    public async Task<(long Events, long Blobs)> MediaStoredAsync(Guid workspaceId) =>
    (
        await ScalarAsync<long>("select count(*) from mt_events where tenant_id = $1 and type like 'media_%'", workspaceId.ToString()),
        await ScalarAsync<long>("select count(*) from publishing_media_blobs where workspace_id = $1", workspaceId)
    );

    /// <summary>A client calling the API with a fresh owner token of <paramref name="workspaceId"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(Guid ownerId, Guid workspaceId)
    {
        var token = await People.CreateApiTokenAsync(workspaceId, ownerId, "media tests", Role.Owner, Role.Owner, OwnerEmail);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
