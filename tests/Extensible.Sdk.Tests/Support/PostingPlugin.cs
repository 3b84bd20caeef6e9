using System.Net.Http.Json;
using Extensible.Sdk.Connectors;
using Extensible.Sdk.Content;

namespace Extensible.Sdk.Tests.Support;

/// <summary>A plugin the harness tests drive: a connector that calls a network through the context, and a content rule that reads settings.</summary>
public sealed class PostingPlugin : IPlugin
{
    /// <inheritdoc />
    public void Register(IPluginBuilder plugin)
    {
        plugin.UseSettings<PostingSettings>();
        plugin.AddConnector(context => new PostingConnector(context));
        plugin.AddContentRule(context => new BannedWordRule(context));
    }

    /// <summary>Posts to <c>{ApiUrl}/posts</c>, remembers the post in the store, records an event and logs.</summary>
    private sealed class PostingConnector(IPluginContext context) : IPlatformConnector
    {
        public PlatformProfile Profile { get; } = new()
        {
            Key = "posting",
            DisplayName = "Posting",
            Auth = AuthMethod.Token,
            Content = ContentKinds.Text,
            Text = new TextLimit(300, LengthCounting.Graphemes),
        };

        public Task<ConnectStart> BeginConnectAsync(ConnectRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new ConnectStart());

        public Task<ConnectedAccount> CompleteConnectAsync(ConnectCompletion completion, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public async Task<PublishedPost> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
        {
            var settings = context.GetSettings<PostingSettings>();
            using var message = new HttpRequestMessage(HttpMethod.Post, $"{settings.ApiUrl}/posts")
            {
                Content = JsonContent.Create(new { text = request.Content.Text }),
            };
            message.Headers.Authorization = new("Bearer", settings.ApiKey);
            message.Headers.Add("Idempotency-Key", request.IdempotencyKey);
            using var response = await context.Http.SendAsync(message, cancellationToken);
            await response.EnsurePlatformSuccessAsync(context.Time, cancellationToken);
            var posted = await response.Content.ReadFromJsonAsync<Posted>(cancellationToken) ?? throw PlatformException.Retryable("Empty answer.");
            await context.Store.SetAsync($"post:{request.IdempotencyKey}", posted.Id, cancellationToken);
            await context.Events.RecordAsync("post_published", $$"""{"id":"{{posted.Id}}","at":"{{context.Time.GetUtcNow():O}}"}""", cancellationToken);
            PostingLog.Published(context.Logger, posted.Id);
            return new PublishedPost(posted.Id, new Uri($"https://example.test/p/{posted.Id}"));
        }

        private sealed record Posted(string Id);
    }

    /// <summary>Blocks drafts containing the banned word from the settings.</summary>
    private sealed class BannedWordRule(IPluginContext context) : IContentRule
    {
        public CapabilityInfo Info { get; } = new("banned-word", "Banned word", "Blocks drafts with the banned word.");

        public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken) =>
            Task.FromResult(draft.Text.Contains(context.GetSettings<PostingSettings>().BannedWord, StringComparison.OrdinalIgnoreCase)
                ? RuleVerdict.Block("It says the banned word.")
                : RuleVerdict.Pass());
    }
}
