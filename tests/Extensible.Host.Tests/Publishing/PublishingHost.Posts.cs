using Extensible.EventStore;
using Extensible.Plugins;
using Extensible.Plugins.Calls;
using Extensible.Publishing;
using Extensible.Publishing.Accounts;
using Extensible.Publishing.Media;
using Extensible.Publishing.Posts;
using Extensible.Sdk.Connectors;
using Extensible.Testing;
using Extensible.Host.Tests.Publishing.Posts;
using Microsoft.Extensions.DependencyInjection;

namespace Extensible.Host.Tests.Publishing;

/// <summary>Helpers of the posts tests: accounts and media as their events say, a second, tiny network, an API client.</summary>
public partial class PublishingHost
{
    public PostService Posts => Services.GetRequiredService<PostService>();

    public PostBoard Board => Services.GetRequiredService<PostBoard>();

    public PostValidation Validation => Services.GetRequiredService<PostValidation>();

    /// <summary>The owner as publishing records them.</summary>
    public async Task<PublishingActor> ComposerAsync()
    {
        var (ownerId, workspaceId) = await OwnerAsync();
        return new PublishingActor(workspaceId, ownerId, OwnerEmail);
    }

    /// <summary>An account of <paramref name="platformKey"/>'s connector, connected as its event says (the accounts flow is tested on its own).</summary>
    public async Task<Guid> AccountForPostsAsync(string handle, string platformKey = "sandbox", IReadOnlyDictionary<string, string>? credentialValues = null)
    {
        var actor = await ComposerAsync();
        var connector = Services.GetRequiredService<IPluginCapabilities>().Connectors.First(c => c.Description.Key == platformKey);
        var id = Guid.NewGuid();
        var credentials = credentialValues is null
            ? "protected"
            : Services.GetRequiredService<CredentialsProtector>().Protect(new AccountCredentials { PlatformAccountId = $"id-{handle}", Values = credentialValues });
        await Store.AppendAsync(PublishingStreams.Account(id), ExpectedVersion.NoStream,
            [new AccountConnected(id, actor.WorkspaceId, connector.PluginId, platformKey, $"id-{handle}", handle, handle, null, null, credentials, null, actor.UserId)],
            actor.Metadata);
        return id;
    }

    /// <summary>A media library item as its upload event says (no bytes: the checks read the library's row).</summary>
    public async Task<Guid> MediaForPostsAsync(string fileName, string contentType, long length)
    {
        var actor = await ComposerAsync();
        var id = Guid.NewGuid();
        await Store.AppendAsync(PublishingStreams.Media(id), ExpectedVersion.NoStream,
            [new MediaUploaded(id, actor.WorkspaceId, fileName, contentType, length, Convert.ToHexString(id.ToByteArray()), 100, 100, null, actor.UserId)],
            actor.Metadata);
        return id;
    }

    /// <summary>Installs <see cref="TinyNetwork"/> (20 graphemes, one small PNG, no threads, no first comment) and waits for its connector.</summary>
    public async Task InstallTinyNetworkAsync()
    {
        var capabilities = Services.GetRequiredService<IPluginCapabilities>();
        if (capabilities.Connectors.Any(c => c.Description.Key == TinyNetwork.Key))
        {
            return;
        }

        using var archive = new MemoryStream(TinyNetwork.Build().Archive());
        await Services.GetRequiredService<IPluginAdministration>().InstallAsync(archive, OwnerEmail);
        await Eventually.HoldsAsync(() => capabilities.Connectors.Any(c => c.Description.Key == TinyNetwork.Key), "the tiny network's connector runs");
    }
}
