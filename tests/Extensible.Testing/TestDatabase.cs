using Xunit;

namespace Extensible.Testing;

/// <summary>
/// One fresh, empty database for a test class (<c>IClassFixture&lt;TestDatabase&gt;</c>), dropped when the class is done.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private string? connectionString;

    /// <summary>An Npgsql connection string to this class's database.</summary>
    public string ConnectionString =>
        connectionString ?? throw new InvalidOperationException("The test database is created by InitializeAsync, which xunit calls before the tests.");

    /// <summary>Creates the database.</summary>
    public async Task InitializeAsync() => connectionString = await TestPostgres.CreateDatabaseAsync("test");

    /// <summary>Drops the database.</summary>
    public async Task DisposeAsync()
    {
        if (connectionString is not null)
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
