using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

public sealed class embedded_postgres_refuses_a_cluster_of_another_major_version
{
    [Fact]
    public async Task a_data_folder_of_postgresql_9_gives_a_clear_message_and_nothing_is_deleted()
    {
        var options = FreshCluster("pg9");
        var cluster = Path.Combine(options.DataDirectory, "postgres");
        Directory.CreateDirectory(Path.Combine(cluster, "base", "1"));
        await File.WriteAllTextAsync(Path.Combine(cluster, "PG_VERSION"), "9\n");
        await File.WriteAllTextAsync(Path.Combine(cluster, "base", "1", "1259"), "someone's data");
        var before = Snapshot(options.DataDirectory);

        var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options, new RecordingLogger()));

        Assert.Contains("created by PostgreSQL 9,", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql-9", failure.Message, StringComparison.Ordinal);
        Assert.Contains("pg_upgrade", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(options.DataDirectory));
    }

    [Fact]
    public async Task a_folder_with_files_but_no_cluster_is_not_touched()
    {
        var options = FreshCluster("not-a-cluster");
        var cluster = Path.Combine(options.DataDirectory, "postgres");
        Directory.CreateDirectory(cluster);
        await File.WriteAllTextAsync(Path.Combine(cluster, "notes.txt"), "not PostgreSQL's");
        var before = Snapshot(options.DataDirectory);

        var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options, new RecordingLogger()));

        Assert.Contains("no PG_VERSION", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(options.DataDirectory));
    }
}
