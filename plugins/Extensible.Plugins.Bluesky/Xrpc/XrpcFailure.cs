using Extensible.Sdk.Connectors;

namespace Extensible.Plugins.Bluesky.Xrpc;

/// <summary>An XRPC error answer: its status, the body's <c>error</c> name and <c>message</c>, and the classified exception.</summary>
internal sealed record XrpcFailure(int Status, string? Error, string Message, PlatformException Exception)
{
    /// <summary>The access token expired: renew the session and call again.</summary>
    public bool IsExpiredToken => Error == "ExpiredToken" && Status is 400 or 401;

    /// <summary>No such record or post (<c>RecordNotFound</c>, <c>NotFound</c>).</summary>
    public bool IsNotFound => Status is 400 or 404 && Error is "RecordNotFound" or "NotFound";
}
