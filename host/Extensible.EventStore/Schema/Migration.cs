namespace Extensible.EventStore.Schema;

/// <summary>One versioned change to the store's schema. <c>{schema}</c> in the SQL is replaced by the quoted schema name.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
