using Extensible.EventStore;
using Marten;

namespace Extensible.Inbox.SavedReplies;

/// <summary>
/// The saved replies' read model, declared to Marten (Weasel creates and updates it) and kept inline by
/// <see cref="SavedReplyProjection"/>. Its unique indexes keep names and shortcuts one per workspace even when two
/// moderators save at once: the second append fails with the first's row in place.
/// </summary>
internal static class SavedReplyTables
{
    public const string Table = "inbox_saved_replies";

    public const string UniqueName = "inbox_saved_replies_name";

    public const string UniqueShortcut = "inbox_saved_replies_shortcut";

    public static void Declare(StoreOptions options)
    {
        var replies = options.AddReadModelTable(Table)
            .WithIndex(UniqueName, ["workspace_id", "name_key"], unique: true)
            .WithIndex(UniqueShortcut, ["workspace_id", "shortcut"], unique: true, predicate: "shortcut is not null");
        replies.AddColumn<Guid>("id").AsPrimaryKey();
        replies.AddColumn<Guid>("workspace_id").NotNull();
        replies.AddColumn("name", "text").NotNull();
        // The name as compared for uniqueness: trimmed, lowercase.
        replies.AddColumn("name_key", "text").NotNull();
        replies.AddColumn("text", "text").NotNull();
        replies.AddColumn("shortcut", "text");
        replies.AddColumn("version", "bigint").NotNull();
        replies.AddColumn("updated", "timestamptz").NotNull();
        replies.AddColumn("updated_by", "uuid").NotNull();
    }
}
