using System.Text.Json.Serialization;

namespace Extensible.Host.Health;

/// <summary>What <c>/readyz</c> reports.</summary>
/// <param name="Ready">All of the below.</param>
/// <param name="Database">The database answers.</param>
/// <param name="Migrations">The event store's schema is up to date.</param>
/// <param name="ProjectionDaemon">The projection daemon runs on this node.</param>
/// <param name="Publisher">The publisher's loop turns (or nothing is due): a node whose publisher stalled is not ready.</param>
public sealed record Readiness(bool Ready, bool Database, bool Migrations, bool ProjectionDaemon, bool Publisher = true);

[JsonSerializable(typeof(Readiness))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
