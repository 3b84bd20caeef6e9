using Extensible.Testing.Plugins;

namespace Extensible.Host.Tests.Publishing.Posts;

/// <summary>
/// A second network with tight rules, compiled when a test needs it: 20 graphemes (or an account's own <c>max_text</c>), one PNG
/// up to 1,000 bytes, no threads, no first comment.
/// </summary>
public static class TinyNetwork
{
    public const string Key = "tiny";

    public static TestPlugin Build() => new("test.tiny", "Tiny network", "1.0.0", Source) { Description = "A network with tight rules." };

    private const string Source = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Extensible.Sdk;
        using Extensible.Sdk.Connectors;

        namespace Test.Tiny;

        public sealed class TinyPlugin : IPlugin
        {
            public void Register(IPluginBuilder plugin) => plugin.AddConnector(_ => new TinyConnector());
        }

        public sealed class TinyConnector : IPlatformConnector
        {
            public PlatformProfile Profile { get; } = new()
            {
                Key = "tiny",
                DisplayName = "Tiny",
                Auth = AuthMethod.None,
                Content = ContentKinds.Text | ContentKinds.Image,
                Text = new TextLimit(20, LengthCounting.Graphemes),
                Media = new MediaLimits { MaxItems = 1, MaxImageBytes = 1000, ContentTypes = ["image/png"] },
            };

            // An account may come from a server of its own with a longer limit (as Mastodon instances do).
            public PlatformProfile ProfileFor(AccountCredentials account) =>
                account.Values.TryGetValue("max_text", out var max) ? Profile with { Text = new TextLimit(int.Parse(max), LengthCounting.Graphemes) } : Profile;

            public Task<ConnectStart> BeginConnectAsync(ConnectRequest request, CancellationToken cancellationToken) => Task.FromResult(new ConnectStart());

            public Task<ConnectedAccount> CompleteConnectAsync(ConnectCompletion completion, CancellationToken cancellationToken) => throw new NotSupportedException();

            public Task<PublishedPost> PublishAsync(PublishRequest request, CancellationToken cancellationToken) =>
                Task.FromResult(new PublishedPost("tiny-" + request.IdempotencyKey, new Uri("https://tiny.invalid/p")));
        }
        """;
}
