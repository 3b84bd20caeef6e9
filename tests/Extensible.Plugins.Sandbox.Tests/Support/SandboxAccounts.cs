using Extensible.Plugins.Sandbox.Network;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Sandbox.Tests.Support;

/// <summary>Short ways to connect accounts and publish in tests.</summary>
public static class SandboxAccounts
{
    public static async Task<ConnectedAccount> ConnectAsync(SandboxConnector connector)
    {
        var start = await connector.BeginConnectAsync(new ConnectRequest(new Uri("https://host.test/callback"), "state"), CancellationToken.None);
        return await connector.CompleteConnectAsync(
            new ConnectCompletion { RedirectUri = new Uri("https://host.test/callback"), Verifier = start.Verifier }, CancellationToken.None);
    }

    public static PublishRequest TextPost(AccountCredentials account, string idempotencyKey, string text = "Hello from the sandbox") => new()
    {
        Account = account,
        IdempotencyKey = idempotencyKey,
        Content = new PostContent { Kind = ContentKinds.Text, Text = text },
    };

    public static MediaAttachment Media(string fileName, string contentType, long length = 1000) => new()
    {
        FileName = fileName,
        ContentType = contentType,
        Length = length,
        OpenAsync = _ => Task.FromResult<Stream>(new MemoryStream(new byte[16])),
    };
}
