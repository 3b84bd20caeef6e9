using Extensible.EventStore;
using Marten;

namespace Extensible.Publishing.Accounts;

/// <summary>
/// Tables of connecting that are not a read model: OAuth <c>state</c> values waiting for their callback, shared by every
/// node, single use, expiring.
/// </summary>
internal static class AccountTables
{
    public static void Declare(StoreOptions options)
    {
        var states = options.AddReadModelTable("publishing_connect_states")
            .WithIndex("publishing_connect_states_expires", ["expires_at"]);
        // SHA-256 of the state, hex: a copy of the table gives nobody a usable state.
        states.AddColumn("state_hash", "text").AsPrimaryKey();
        states.AddColumn<Guid>("workspace_id").NotNull();
        states.AddColumn<Guid>("user_id").NotNull();
        states.AddColumn("plugin_id", "text").NotNull();
        states.AddColumn("platform_key", "text").NotNull();
        states.AddColumn("redirect_uri", "text").NotNull();
        // The connector's PKCE verifier, encrypted.
        states.AddColumn("protected_verifier", "text");
        states.AddColumn<Guid>("reconnect_account_id");
        states.AddColumn("expires_at", "timestamptz").NotNull();
    }
}
