using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Extensible.Plugins.Bluesky.Xrpc;

/// <summary>
/// One XRPC call: a query (<c>GET /xrpc/{nsid}?…</c>) or a procedure (<c>POST /xrpc/{nsid}</c> with a JSON or raw body).
/// The content is made afresh for each attempt, so a call can be sent again after the session is renewed.
/// </summary>
internal sealed record XrpcRequest(string Nsid, HttpMethod Method, string QueryString, Func<CancellationToken, Task<HttpContent?>> Content)
{
    /// <summary>The PDS a call without a session goes to (sign-in, refresh); a session's own PDS otherwise.</summary>
    public Uri? Pds { get; init; }

    /// <summary><c>app.bsky.*</c> calls are answered by the AppView, through the PDS: they carry the <c>atproto-proxy</c> header.</summary>
    public bool ForAppView => Nsid.StartsWith("app.bsky.", StringComparison.Ordinal);

    /// <summary>A query with its parameters (repeated names for arrays).</summary>
    public static XrpcRequest Query(string nsid, params IEnumerable<(string Name, string? Value)> parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new XrpcRequest(nsid, HttpMethod.Get, query.ToString(), static _ => Task.FromResult<HttpContent?>(null));
    }

    /// <summary>A procedure with a JSON body (none when <paramref name="body"/> is null).</summary>
    public static XrpcRequest Procedure(Uri? pds, string nsid, JsonObject? body)
    {
        var text = body?.ToJsonString();
        return new XrpcRequest(nsid, HttpMethod.Post, "", _ => Task.FromResult<HttpContent?>(
            text is null ? null : new StringContent(text, Encoding.UTF8, "application/json")))
        {
            Pds = pds,
        };
    }

    /// <summary>A procedure with a JSON body, sent to the session's PDS.</summary>
    public static XrpcRequest Procedure(string nsid, JsonObject body) => Procedure(null, nsid, body);

    /// <summary>A procedure whose body is raw bytes of a media type (<c>com.atproto.repo.uploadBlob</c>).</summary>
    public static XrpcRequest Upload(string nsid, Func<CancellationToken, Task<Stream>> open, string mediaType, long length) =>
        new(nsid, HttpMethod.Post, "", async cancellationToken =>
        {
            var content = new StreamContent(await open(cancellationToken).ConfigureAwait(false));
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            content.Headers.ContentLength = length;
            return content;
        });

    /// <summary>The call's address on <paramref name="pds"/>.</summary>
    public Uri Address(Uri pds) => new(pds, "xrpc/" + Nsid + QueryString);
}
