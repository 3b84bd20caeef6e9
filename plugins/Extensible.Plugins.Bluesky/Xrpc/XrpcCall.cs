using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Extensible.Sdk;
using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Xrpc;

/// <summary>One HTTP exchange with a PDS through the host's client: transport errors and error answers are classified.</summary>
internal static class XrpcCall
{
    private const int MaxAnswerBytes = 8 * 1024 * 1024;

    /// <summary>Sends <paramref name="request"/> to its PDS (or <paramref name="pds"/>) with a bearer token, if any.</summary>
    public static async Task<XrpcAnswer> SendAsync(
        IPluginContext context, XrpcRequest request, string? bearer, CancellationToken cancellationToken, Uri? pds = null, string? appViewProxy = null)
    {
        var target = pds ?? request.Pds ?? throw new InvalidOperationException("An XRPC call needs a PDS.");
        using var message = new HttpRequestMessage(request.Method, request.Address(target));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (bearer is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (request.ForAppView && !string.IsNullOrWhiteSpace(appViewProxy))
        {
            message.Headers.TryAddWithoutValidation("atproto-proxy", appViewProxy.Trim());
        }

        HttpResponseMessage response;
        try
        {
            message.Content = await request.Content(cancellationToken).ConfigureAwait(false);
            response = await context.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw PlatformException.FromNetworkError(e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return new XrpcAnswer(null, await FailureAsync(context, response, cancellationToken).ConfigureAwait(false));
            }

            if (response.Content.Headers.ContentLength > MaxAnswerBytes)
            {
                throw PlatformException.Retryable($"The PDS answered {request.Nsid} with more than {MaxAnswerBytes} bytes.");
            }

            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    var node = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return new XrpcAnswer(node as JsonObject ?? new JsonObject(), null);
                }
            }
            catch (JsonException)
            {
                // Procedures like deleteRecord may answer with no body at all.
                return new XrpcAnswer(new JsonObject(), null);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException)
            {
                throw PlatformException.FromNetworkError(e);
            }
        }
    }

    private static async Task<XrpcFailure> FailureAsync(IPluginContext context, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? error = null;
        string? text = null;
        try
        {
            await response.Content.LoadIntoBufferAsync(64 * 1024, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            error = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()
                : null;
            text = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()
                : null;
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            // Not an XRPC error body (a proxy's HTML page, a cut connection): the status decides.
        }

        var status = (int)response.StatusCode;
        var exception = await PlatformException.FromResponseAsync(response, context.Time, cancellationToken).ConfigureAwait(false);
        if (status == (int)HttpStatusCode.BadRequest && error is "InvalidToken" or "AccountTakedown" or "AccountDeactivated")
        {
            exception = new PlatformException(PlatformFailure.NeedsReconnect, $"Bluesky refused the account's session ({error}): {text ?? error}")
            {
                StatusCode = status, PlatformMessage = text ?? error,
            };
        }

        return new XrpcFailure(status, error, text ?? error ?? exception.Message, exception);
    }
}
