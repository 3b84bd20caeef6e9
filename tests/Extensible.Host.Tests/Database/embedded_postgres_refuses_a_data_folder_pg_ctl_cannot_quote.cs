using Extensible.Testing;
using Xunit;
using static Extensible.Host.Tests.Database.EmbeddedPostgresTestKit;

namespace Extensible.Host.Tests.Database;

using Extensible.EmbeddedPostgres;

public sealed class embedded_postgres_refuses_a_data_folder_pg_ctl_cannot_quote
{
    [Theory]
    [InlineData("say \"cheese\"")]
    [InlineData("$HOME")]
    [InlineData("`date`")]
    [InlineData("back\\slash")]
    public async Task a_path_with_shell_characters_inside_double_quotes_is_refused_before_anything_is_created(string folderName)
    {
        var parent = TestPostgres.NewDataDirectory("shell-characters");
        var options = new EmbeddedPostgresOptions { DataDirectory = Path.Combine(parent, folderName) }.Fast();

        var failure = await Assert.ThrowsAsync<EmbeddedPostgresException>(() => EmbeddedPostgres.StartAsync(options, new RecordingLogger()));

        Assert.Contains("pg_ctl cannot pass to the shell", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Extensible__DataDir", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Snapshot(parent));
    }
}
