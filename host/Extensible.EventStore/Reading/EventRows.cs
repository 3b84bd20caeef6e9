using System.Text.Json;
using Npgsql;

namespace Extensible.EventStore.Reading;

/// <summary>Reads event rows; the one place that knows the column list.</summary>
internal static class EventRows
{
    public const string Columns =
        "seq, id, tenant, stream_id, version, type, data::text, timestamp, correlation_id, causation_id, user_name, headers::text";

    public static async Task<List<RawEvent>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<RawEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new RawEvent(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.GetString(5),
                reader.GetString(6),
                new DateTimeOffset(reader.GetDateTime(7), TimeSpan.Zero),
                new EventMetadata
                {
                    Tenant = reader.GetString(2),
                    CorrelationId = reader.IsDBNull(8) ? null : reader.GetString(8),
                    CausationId = reader.IsDBNull(9) ? null : reader.GetString(9),
                    User = reader.IsDBNull(10) ? null : reader.GetString(10),
                    Headers = reader.IsDBNull(11) ? null : JsonSerializer.Deserialize(reader.GetString(11), EventStoreJsonContext.Default.DictionaryStringString),
                }));
        }

        return rows;
    }

    public static StoredEvent Deserialize(this RawEvent raw, EventTypeRegistry registry) =>
        new(raw.Sequence, raw.Id, raw.Tenant, raw.StreamId, raw.Version, raw.Alias,
            registry.Deserialize(raw.Alias, raw.Json, raw.Sequence, raw.StreamId), raw.Timestamp, raw.Metadata);
}
