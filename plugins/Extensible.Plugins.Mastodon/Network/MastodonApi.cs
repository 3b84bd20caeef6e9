using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Mastodon.Network;

/// <summary>
/// Every call to an instance, through the host's <see cref="IPluginContext.Http"/>: the bearer token, JSON answers, and
/// failures classified the SDK's way (401 needs a reconnect, 429 waits for <c>X-RateLimit-Reset</c>, 422 carries the
/// instance's <c>{"error"}</c> message). Calls never leave the instance they are for.
/// </summary>
internal sealed class MastodonApi(IPluginContext context)
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>Sends a request to <paramref name="instance"/> and reads its JSON answer; an unsuccessful answer throws.</summary>
    public async Task<MastodonAnswer> SendAsync(
        HttpMethod method, Uri instance, string pathAndQuery, string? token, HttpContent? content, CancellationToken cancellationToken,
        string? idempotencyKey = null)
    {
        var target = new Uri(instance, pathAndQuery);
        return await SendAsync(method, instance, target, token, content, cancellationToken, idempotencyKey).ConfigureAwait(false);
    }

    /// <summary>Sends a request to an absolute URL that must be on <paramref name="instance"/> (a <c>Link</c> header's next page).</summary>
    public async Task<MastodonAnswer> SendAsync(
        HttpMethod method, Uri instance, Uri target, string? token, HttpContent? content, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!SameOrigin(instance, target))
        {
            // The token is for this instance alone: a link elsewhere is not followed.
            throw PlatformException.Retryable($"The instance pointed to another server ({target.Host}); the call was not made.");
        }

        using var request = new HttpRequestMessage(method, target) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await context.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw PlatformException.FromNetworkError(e);
        }

        using (response)
        {
            await response.EnsurePlatformSuccessAsync(context.Time, cancellationToken).ConfigureAwait(false);
            var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            return new MastodonAnswer(response.StatusCode, body, RateLimit.From(response.Headers, context.Time.GetUtcNow()), LinkHeader.Parse(response.Headers));
        }
    }

    private static bool SameOrigin(Uri instance, Uri target) =>
        target.IsAbsoluteUri
        && string.Equals(instance.Scheme, target.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(instance.Host, target.Host, StringComparison.OrdinalIgnoreCase)
        && instance.Port == target.Port;

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var limited = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (limited.Length + read > MaxBodyBytes)
                {
                    throw PlatformException.Retryable("The instance answered with more than 4 MiB; the answer was not read.");
                }

                limited.Write(buffer, 0, read);
            }

            if (limited.Length == 0)
            {
                return default;
            }

            using var document = JsonDocument.Parse(limited.ToArray());
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new PlatformException("The instance answered with something that is not JSON.", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw PlatformException.FromNetworkError(e);
        }
    }
}
