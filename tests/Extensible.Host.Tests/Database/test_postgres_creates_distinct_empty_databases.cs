using Extensible.Testing;
using Npgsql;
using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

public sealed class test_postgres_creates_distinct_empty_databases(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task two_databases_are_distinct_and_start_empty()
    {
        var first = await TestPostgres.CreateDatabaseAsync("distinct");
        var second = await TestPostgres.CreateDatabaseAsync("distinct");

        Assert.NotEqual(first, second);
        const string userTables = "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')";
        Assert.Equal(0L, await QueryAsync<long>(first, userTables));
        Assert.Equal(0L, await QueryAsync<long>(second, userTables));

        await ExecuteAsync(first, "CREATE TABLE only_here (id int)");
        Assert.Equal(1L, await QueryAsync<long>(first, userTables));
        Assert.Equal(0L, await QueryAsync<long>(second, userTables));
        Assert.NotEqual(await QueryAsync<string>(first, "SELECT current_database()"), await QueryAsync<string>(second, "SELECT current_database()"));
    }

    [Fact]
    public async Task a_long_odd_prefix_becomes_a_lower_case_name_of_at_most_63_characters()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("Embedded Postgres / Ünïcode & a Very Long Name That Goes On And On And On");

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        Assert.InRange(name.Length, 1, 63);
        Assert.Matches("^embedded_postgres_[a-z0-9_]*_[0-9a-f]{10}$", name);
        Assert.Equal(name, await QueryAsync<string>(connectionString, "SELECT current_database()"));
    }

    [Fact]
    public async Task the_class_fixture_gives_the_class_a_database_of_its_own()
    {
        Assert.StartsWith("test_", await QueryAsync<string>(database.ConnectionString, "SELECT current_database()"), StringComparison.Ordinal);
    }
}
