using Extensible.Admin.Live;
using Extensible.Publishing.Accounts;

namespace Extensible.Admin.Pages.Accounts;

/// <summary>The Accounts room's list, grouped per network, as the page renders it and as live pushes replace it.</summary>
/// <param name="Accounts">The workspace's accounts (not the disconnected ones).</param>
/// <param name="NetworkNames">Names of the running networks by key; a network whose plugin is not running shows its key.</param>
/// <param name="Notice">A toast to show with the list (out of band), e.g. why a change was refused.</param>
public sealed record AccountGroups(IReadOnlyList<AccountRecord> Accounts, IReadOnlyDictionary<string, string> NetworkNames, Toast? Notice = null)
{
    /// <summary>The id of the element the list is in: pushes and actions replace it whole.</summary>
    public const string ElementId = "account-groups";

    /// <summary>The accounts per network, in the network's name order.</summary>
    public IEnumerable<IGrouping<string, AccountRecord>> ByNetwork =>
        Accounts.GroupBy(a => a.PlatformKey).OrderBy(g => NameOf(g.Key), StringComparer.CurrentCultureIgnoreCase);

    /// <summary>A network's name, or its key when its connector is not running.</summary>
    public string NameOf(string platformKey) => NetworkNames.TryGetValue(platformKey, out var name) ? name : platformKey;

    /// <summary>The id of one account's row.</summary>
    public static string RowId(Guid accountId) => $"account-{accountId}";
}
