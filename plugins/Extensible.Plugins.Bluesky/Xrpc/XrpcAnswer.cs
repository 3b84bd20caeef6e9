using System.Text.Json.Nodes;

namespace Extensible.Plugins.Bluesky.Xrpc;

/// <summary>What an XRPC call answered: its JSON body, or a failure.</summary>
internal sealed record XrpcAnswer(JsonObject? Json, XrpcFailure? Failure);
