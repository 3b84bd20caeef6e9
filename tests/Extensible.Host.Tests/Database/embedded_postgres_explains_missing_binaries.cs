using Extensible.Testing;
using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

public sealed class embedded_postgres_explains_missing_binaries
{
    [Fact]
    public async Task a_bin_folder_without_postgresql_gives_a_message_that_says_what_to_install()
    {
        var emptyBin = TestPostgres.NewDataDirectory("empty-bin");
        var options = new EmbeddedPostgresOptions { DataDirectory = TestPostgres.NewDataDirectory("no-binaries"), BinDirectory = emptyBin }.Fast();

        var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options, new RecordingLogger()));

        Assert.Contains("binaries (pg_ctl, initdb, postgres) not found", failure.Message, StringComparison.Ordinal);
        Assert.Contains(emptyBin, failure.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install postgresql", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Extensible", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Snapshot(options.DataDirectory));
    }
}
