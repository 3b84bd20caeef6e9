using Extensible.EmbeddedPostgres;
using Extensible.Host.Hosting;
using Extensible.EventStore;
using Npgsql;

namespace Extensible.Host.Database;

/// <summary>The host's PostgreSQL: the configured server, or a private one started from the machine's binaries.</summary>
public static class DatabaseExtensions
{
    /// <summary>The connection string's name: <c>ConnectionStrings:Extensible</c>.</summary>
    public const string ConnectionStringName = "Extensible";

    /// <summary>
    /// Registers the <see cref="NpgsqlDataSource"/>. With no <c>ConnectionStrings:Extensible</c>, first starts the
    /// embedded cluster in the data folder; it is stopped when the host stops.
    /// </summary>
    public static async Task<IHostApplicationBuilder> AddExtensibleDatabaseAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var options = builder.Configuration.GetSection(ExtensibleOptions.Section).Get<ExtensibleOptions>() ?? new ExtensibleOptions();
            var embeddedOptions = new EmbeddedPostgresOptions
            {
                DataDirectory = options.DataPath,
                BinDirectory = builder.Configuration["Extensible:Postgres:BinDir"],
                Port = builder.Configuration.GetValue("Extensible:Postgres:Port", 0),
            };
            // The database starts before the host's own logging exists; this factory lives as long as the cluster.
            var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
            var embedded = await EmbeddedPostgres.EmbeddedPostgres.StartAsync(embeddedOptions, loggerFactory.CreateLogger("Extensible.EmbeddedPostgres"), cancellationToken);
            builder.Services.AddSingleton(embedded);
            // Registered before every other hosted service, so it stops after all of them; made by the container, so that
            // disposing the host stops the cluster even when the host failed to start (a refused key ring, bad settings).
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(_ => new EmbeddedPostgresLifetime(embedded, loggerFactory)));
            connectionString = embedded.ConnectionString;
        }

        // Read models are queried unqualified: they and Marten's tables live in the store's schema, and only there.
        var schema = builder.Configuration[$"{Events.EventStoreExtensions.Section}:Schema"] ?? new EventStore.EventStoreOptions().Schema;
        builder.Services.AddSingleton(_ =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "extensible" }.UseEventStoreSettings();
            dataSource.ConnectionStringBuilder.SearchPath = schema;
            return dataSource.Build();
        });
        return builder;
    }

    /// <summary>Stops the embedded cluster <see cref="AddExtensibleDatabaseAsync"/> started, when the host could not be built around it.</summary>
    public static async Task StopEmbeddedDatabaseAsync(this IHostApplicationBuilder builder)
    {
        if (builder.Services.FirstOrDefault(s => s.ServiceType == typeof(EmbeddedPostgres.EmbeddedPostgres))?.ImplementationInstance is EmbeddedPostgres.EmbeddedPostgres embedded)
        {
            await embedded.StopAsync();
        }
    }
}
