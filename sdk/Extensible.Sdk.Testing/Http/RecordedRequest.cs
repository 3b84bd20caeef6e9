namespace Extensible.Sdk.Testing.Http;

/// <summary>A request a plugin sent, as the scripted handler saw it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The absolute URL.</param>
/// <param name="Headers">Request and content headers, each with its values joined by <c>, </c> (names compared case-insensitively).</param>
/// <param name="Body">The body as text, or <see langword="null"/> when there was none.</param>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>A header's value, or <see langword="null"/> when the request did not send it.</summary>
    /// <param name="name">The header's name.</param>
    /// <returns>Its values joined by <c>, </c>.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
