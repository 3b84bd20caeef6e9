using Extensible.Inbox;
using Extensible.Inbox.Ingestion;
using Extensible.Sdk.Connectors;
using Microsoft.Extensions.Options;

namespace Extensible.Host.Inbox;

/// <summary>
/// The address networks deliver webhooks to: <c>/webhooks/{pluginId}/{accountId}</c>, one per connected account. No
/// sign-in: the account's connector verifies each delivery's signature before anything in it is read.
/// </summary>
public static class WebhookRoutes
{
    /// <summary>The route, for operators registering it with a network.</summary>
    public const string Route = "/webhooks/{pluginId}/{accountId:guid}";

    /// <summary>Maps <see cref="Route"/> for <c>GET</c> (subscription handshakes) and <c>POST</c> (deliveries).</summary>
    public static WebApplication MapWebhookRoutes(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Short-circuited: a delivery runs as soon as routing matches it, past the console's middleware (security headers,
        // authentication, rate limits, the first-run gate), none of which a network's signed delivery needs; a busy network
        // sends hundreds a second.
        app.MapMethods(Route, [HttpMethods.Get, HttpMethods.Post], ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().ShortCircuit();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string pluginId, Guid accountId, HttpContext context, InboxWebhooks webhooks, IOptions<InboxOptions> options)
    {
        // The console's security headers are not added here (see MapWebhookRoutes); a handshake echoes the network's
        // challenge, which no browser may take for anything but text.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var max = options.Value.MaxWebhookBodyBytes;
        if (context.Request.ContentLength > max)
        {
            return Results.Text($"A delivery has at most {max} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadAsync(context.Request.Body, max, context.RequestAborted);
        if (body is null)
        {
            return Results.Text($"A delivery has at most {max} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var delivery = new WebhookDelivery
        {
            Method = context.Request.Method,
            Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal),
            Body = body,
        };
        var answer = await webhooks.ReceiveAsync(pluginId, accountId, delivery, context.RequestAborted);
        if (answer.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "30";
        }

        return Results.Text(answer.Body, "text/plain; charset=utf-8", statusCode: answer.StatusCode);
    }

    // The body, or null when it is longer than max (read no further than that).
    private static async Task<byte[]?> ReadAsync(Stream body, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
