namespace Extensible.Sdk.Connectors;

/// <summary>Helpers for a connector's HTTP calls.</summary>
public static class PlatformResponses
{
    /// <summary>
    /// Throws a classified <see cref="PlatformException"/> (see <see cref="PlatformException.FromResponseAsync"/>) when the
    /// network's answer is not successful; does nothing otherwise.
    /// </summary>
    /// <param name="response">The network's answer.</param>
    /// <param name="time">The clock, for <c>Retry-After</c> dates; pass the context's <see cref="IPluginContext.Time"/>.</param>
    /// <param name="cancellationToken">Cancels reading an error body.</param>
    /// <exception cref="PlatformException">The answer was not successful.</exception>
    public static async Task EnsurePlatformSuccessAsync(
        this HttpResponseMessage response, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccessStatusCode)
        {
            throw await PlatformException.FromResponseAsync(response, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
