using Extensible.Admin.Live;
using Extensible.Inbox.Deliveries;

namespace Extensible.Admin.Pages.Inbox;

/// <summary>The kept deliveries' table body and count, as the page renders them and as its actions send them again.</summary>
/// <param name="Deliveries">The deliveries waiting for an operator, newest first.</param>
/// <param name="Count">How many wait.</param>
/// <param name="Handles">The accounts' handles by id.</param>
/// <param name="Notice">A toast to show with the rows (out of band): how a replay went, or why it was refused.</param>
/// <param name="Swap">Whether this is an action's answer, which also swaps the count (the page shows it in its title).</param>
public sealed record DeliveryRows(IReadOnlyList<KeptDelivery> Deliveries, long Count, IReadOnlyDictionary<Guid, string> Handles, Toast? Notice = null, bool Swap = false)
{
    /// <summary>The id of the table body: actions replace it whole.</summary>
    public const string ElementId = "delivery-rows";

    /// <summary>The id of the count: actions replace it with the rows.</summary>
    public const string CountId = "delivery-count";

    /// <summary>The id of the panel a delivery's body is shown in.</summary>
    public const string BodyId = "delivery-body";

    /// <summary>The page's live view: those who look at the kept deliveries of their workspace.</summary>
    public const string LiveView = "inbox-deliveries";

    /// <summary>Where a live update lands (<c>_DeliveriesLive.cshtml</c>).</summary>
    public const string LiveId = "deliveries-live";

    /// <summary>A size in words (<c>812 bytes</c>, <c>3.4 KB</c>).</summary>
    public static string Size(int bytes) => bytes < 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} bytes")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
