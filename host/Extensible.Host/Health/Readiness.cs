using System.Text.Json.Serialization;

namespace Extensible.Host.Health;

/// <summary>What <c>/readyz</c> reports.</summary>
/// <param name="Ready">All of the below.</param>
/// <param name="Database">The database answers.</param>
/// <param name="Migrations">The event store's schema is up to date.</param>
/// <param name="ProjectionDaemon">The projection daemon runs on this node.</param>
public sealed record Readiness(bool Ready, bool Database, bool Migrations, bool ProjectionDaemon);

[JsonSerializable(typeof(Readiness))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
