using System.Net;
using System.Text.Json;

namespace Extensible.Plugins.Mastodon.Network;

/// <summary>An instance's successful answer: its status, its JSON body (undefined when empty), its rate limit and its paging links.</summary>
internal sealed record MastodonAnswer(HttpStatusCode Status, JsonElement Body, RateLimit? RateLimit, LinkHeader Links);
