using System.IO.Compression;
using System.Text;
using Extensible.Plugins.Tests.Support;
using Extensible.Testing;

namespace Extensible.Plugins.Tests.Installation;

/// <summary>Unsafe or invalid archives are refused with a reason before anything is loaded, and leave nothing behind.</summary>
public sealed class archives_are_hostile_until_proven_otherwise(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private PluginsHost _host = null!;

    public async Task InitializeAsync()
    {
        var folders = PluginsHost.NewFolders();
        new FixturePlugin { Id = "acme.bundled", Source = FixturePlugin.RuleSource() }.WriteTo(folders.Bundled);
        _host = await PluginsHost.StartAsync(database.ConnectionString, folders);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> Unsafe => new()
    {
        { "traversal", "climbs out" },
        { "absolute", "absolute path" },
        { "drive", "drive letter" },
        { "symlink", "link" },
        { "duplicate", "twice" },
        { "sdk", "SDK 9.x" },
        { "no-manifest", "no plugin.json" },
        { "missing-entry", "is not in the plugin's folder" },
        { "not-zip", "not a .zip" },
        { "bomb", "holds more than" },
        { "file-then-folder", "both as a file and as a folder" },
        { "folder-then-file", "both as a file and as a folder" },
        { "too-long-name", "cannot be extracted" },
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task an_unsafe_or_invalid_archive_is_refused_and_stores_nothing(string kind, string reason)
    {
        var before = (await _host.EventsAsync("plugin_installed")).Count;
        var refusal = await Assert.ThrowsAsync<PluginOperationException>(() => _host.Admin.InstallAsync(new MemoryStream(Archive(kind)), "tests"));

        Assert.Equal(PluginProblem.InvalidPlugin, refusal.Problem);
        Assert.Contains(reason, refusal.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await _host.EventsAsync("plugin_installed")).Count);
        Assert.DoesNotContain(Directory.EnumerateDirectories(_host.InstalledPath), d => !Path.GetFileName(d).StartsWith('.'));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_host.InstalledPath, ".staging")));
        Assert.False(File.Exists("/tmp/extensible-escaped.txt"));
        Assert.Null(_host.Catalog.Find("acme.hostile"));
    }

    [Fact]
    public async Task an_upload_that_breaks_off_leaves_no_staging_file()
    {
        var staging = Path.Combine(_host.InstalledPath, ".staging");
        var before = Directory.Exists(staging) ? Directory.EnumerateFileSystemEntries(staging).Count() : 0;

        await Assert.ThrowsAsync<IOException>(() => _host.Admin.InstallAsync(new BreaksOff(Archive("none"), after: 256), "tests"));

        Assert.Equal(before, Directory.EnumerateFileSystemEntries(staging).Count());
    }

    [Fact]
    public async Task an_oversized_archive_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<PluginOperationException>(() => _host.Admin.InstallAsync(new MemoryStream(new byte[33 * 1024 * 1024]), "tests"));
        Assert.Contains("larger than 32 MB", refusal.Message);
    }

    [Fact]
    public async Task a_bundled_plugin_cannot_be_replaced_or_uninstalled()
    {
        var upload = new FixturePlugin { Id = "acme.bundled", Version = "9.0.0", Source = FixturePlugin.RuleSource() }.Zip();
        var replaced = await Assert.ThrowsAsync<PluginOperationException>(() => _host.Admin.InstallAsync(new MemoryStream(upload), "tests"));
        Assert.Equal(PluginProblem.Conflict, replaced.Problem);
        var uninstalled = await Assert.ThrowsAsync<PluginOperationException>(() => _host.Admin.UninstallAsync("acme.bundled", "tests"));
        Assert.Equal(PluginProblem.Conflict, uninstalled.Problem);
        Assert.Equal("1.0.0", _host.Catalog.Find("acme.bundled")!.Version);
    }

    private static byte[] Archive(string kind)
    {
        var plugin = new FixturePlugin { Id = "acme.hostile", Sdk = kind == "sdk" ? "^9.0" : "^1.0", Source = FixturePlugin.RuleSource() };
        if (kind == "not-zip")
        {
            return Encoding.UTF8.GetBytes("this is not an archive");
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in plugin.Files())
            {
                if ((kind == "no-manifest" && path == "plugin.json") || (kind == "missing-entry" && path.EndsWith(".dll", StringComparison.Ordinal)))
                {
                    continue;
                }

                Add(zip, path, bytes);
            }

            switch (kind)
            {
                case "traversal":
                    Add(zip, "../../../../tmp/extensible-escaped.txt", [1]);
                    break;
                case "absolute":
                    Add(zip, "/tmp/extensible-escaped.txt", [1]);
                    break;
                case "drive":
                    Add(zip, "C:/escaped.txt", [1]);
                    break;
                case "symlink":
                    var link = zip.CreateEntry("link");
                    link.ExternalAttributes = unchecked((int)0xA1FF0000);
                    using (var stream = link.Open())
                    {
                        stream.Write("/etc/passwd"u8);
                    }

                    break;
                case "duplicate":
                    Add(zip, "plugin.json", Encoding.UTF8.GetBytes(plugin.Manifest));
                    break;
                case "file-then-folder":
                    Add(zip, "lib", [1]);
                    Add(zip, "lib/a.dll", [1]);
                    break;
                case "folder-then-file":
                    Add(zip, "lib/a.dll", [1]);
                    Add(zip, "lib", [1]);
                    break;
                case "too-long-name":
                    Add(zip, new string('n', 300) + ".dll", [1]);
                    break;
                case "bomb":
                    // 300 MB of zeros compresses to a few hundred KB.
                    var bomb = zip.CreateEntry("zeros.bin", CompressionLevel.SmallestSize);
                    using (var stream = bomb.Open())
                    {
                        var zeros = new byte[1024 * 1024];
                        for (var i = 0; i < 300; i++)
                        {
                            stream.Write(zeros);
                        }
                    }

                    break;
            }
        }

        return buffer.ToArray();
    }

    // An upload whose client goes away: it reads like the archive, then fails as a reset connection does.
    private sealed class BreaksOff(byte[] bytes, int after) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= after ? throw new IOException("The client went away.") : base.ReadAsync(buffer[..Math.Min(buffer.Length, after)], cancellationToken);
    }

    private static void Add(ZipArchive zip, string path, byte[] bytes)
    {
        using var stream = zip.CreateEntry(path).Open();
        stream.Write(bytes);
    }
}
