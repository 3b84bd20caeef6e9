using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Extensible.Plugins.Bluesky.Network.Tests.Support;

/// <summary>Raw XRPC calls to the reference network, for setting up what the connector meets and checking what it did.</summary>
public sealed class AtprotoXrpc(HttpClient http)
{
    /// <summary>The header that tells a PDS which service to proxy an app.bsky.* call to.</summary>
    public const string ProxyHeader = "atproto-proxy";

    /// <summary>Calls a procedure (POST with a JSON body) and returns its JSON answer (an empty object when it has none).</summary>
    public async Task<JsonElement> ProcedureAsync(Uri service, string nsid, object body, string? accessJwt = null, string? proxy = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service, $"/xrpc/{nsid}"))
        {
            Content = JsonContent.Create(body),
        };
        return await SendAsync(request, accessJwt, proxy);
    }

    /// <summary>Uploads a blob and returns the blob reference to put in a record.</summary>
    public async Task<JsonElement> UploadBlobAsync(Uri service, byte[] bytes, string contentType, string accessJwt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service, "/xrpc/com.atproto.repo.uploadBlob"))
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
        };
        return (await SendAsync(request, accessJwt, proxy: null)).GetProperty("blob");
    }

    /// <summary>Calls a query (GET) with <paramref name="query"/> (already escaped, without '?') and returns its JSON answer.</summary>
    public async Task<JsonElement> QueryAsync(Uri service, string nsid, string query, string? accessJwt = null, string? proxy = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service, $"/xrpc/{nsid}?{query}"));
        return await SendAsync(request, accessJwt, proxy);
    }

    /// <summary>Reads a record of a repository (com.atproto.repo.getRecord): its <c>uri</c>, <c>cid</c> and <c>value</c>.</summary>
    public Task<JsonElement> GetRecordAsync(Uri pds, string atUri)
    {
        var (repo, collection, rkey) = AtUri.Parse(atUri);
        return QueryAsync(pds, "com.atproto.repo.getRecord",
            $"repo={Uri.EscapeDataString(repo)}&collection={Uri.EscapeDataString(collection)}&rkey={Uri.EscapeDataString(rkey)}");
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, string? accessJwt, string? proxy)
    {
        if (accessJwt is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessJwt);
        }

        if (proxy is not null)
        {
            request.Headers.Add(ProxyHeader, proxy);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new XrpcException(response.StatusCode, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? JsonDocument.Parse("{}").RootElement.Clone() : JsonDocument.Parse(text).RootElement.Clone();
    }
}
