namespace Extensible.Inbox.Deliveries;

/// <summary>A webhook delivery its connector could not read, kept for an operator (<see cref="InboxDeliveries"/>).</summary>
/// <param name="Id">The delivery (the id of the event that kept it).</param>
/// <param name="AccountId">The account whose hook received it.</param>
/// <param name="PluginId">The plugin whose connector read it.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Error">Why it could not be read (after the latest replay, when replayed in vain).</param>
/// <param name="BodyBytes">The body's size in bytes.</param>
/// <param name="Status"><c>kept</c>, <c>replayed</c> or <c>dismissed</c>.</param>
/// <param name="Replays">How many times it was replayed.</param>
/// <param name="Stored">After a replay that read it: how many of its items were new.</param>
/// <param name="ClosedBy">Who replayed or dismissed it.</param>
/// <param name="Replayable">Whether the request was kept whole (deliveries kept before replay existed were not).</param>
public sealed record KeptDelivery(
    Guid Id, Guid AccountId, string PluginId, DateTimeOffset ReceivedAt, string Error, int BodyBytes, string Status, int Replays, int? Stored, Guid? ClosedBy,
    bool Replayable)
{
    /// <summary>The status of a delivery waiting for an operator.</summary>
    public const string Kept = "kept";

    /// <summary>The status of a delivery replayed and read.</summary>
    public const string Replayed = "replayed";

    /// <summary>The status of a delivery dismissed.</summary>
    public const string Dismissed = "dismissed";
}

/// <summary>A kept delivery with its body, as text. The body is a stranger's: encode it wherever it is shown.</summary>
/// <param name="Delivery">The delivery.</param>
/// <param name="Method">The request's method, when kept.</param>
/// <param name="Body">The body as text (invalid UTF-8 replaced), cut to <see cref="Ingestion.InboxWebhooks.KeptBodyLength"/> characters.</param>
/// <param name="BodyCut">Whether <paramref name="Body"/> was cut.</param>
public sealed record KeptDeliveryView(KeptDelivery Delivery, string? Method, string Body, bool BodyCut);
