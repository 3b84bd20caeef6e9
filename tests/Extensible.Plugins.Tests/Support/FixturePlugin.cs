using System.IO.Compression;
using System.Text.Json;

namespace Extensible.Plugins.Tests.Support;

/// <summary>A plugin folder made at test time: a manifest, a compiled entry assembly and any private libraries.</summary>
public sealed class FixturePlugin
{
    public required string Id { get; init; }

    public string Version { get; init; } = "1.0.0";

    public string Sdk { get; init; } = "^1.0";

    /// <summary>The entry assembly's C# source; it compiles against the SDK and <see cref="Libraries"/>.</summary>
    public required string Source { get; init; }

    /// <summary>Private libraries (name, bytes) the entry references and that are copied beside it.</summary>
    public IReadOnlyList<(string Name, byte[] Bytes)> Libraries { get; init; } = [];

    /// <summary>Libraries the entry references but that are NOT copied (a missing dependency).</summary>
    public IReadOnlyList<byte[]> MissingLibraries { get; init; } = [];

    /// <summary>Extra files (relative path, bytes).</summary>
    public IReadOnlyList<(string Path, byte[] Bytes)> ExtraFiles { get; init; } = [];

    /// <summary>Replaces the manifest's JSON entirely.</summary>
    public string? ManifestJson { get; init; }

    public string EntryName => "Fixture." + string.Concat(Id.Split('.', '-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    public string Manifest => ManifestJson ?? JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["id"] = Id,
        ["name"] = $"Fixture {Id}",
        ["version"] = Version,
        ["sdk"] = Sdk,
        ["entry"] = EntryName + ".dll",
        ["author"] = "Tests",
        ["description"] = "A plugin compiled by the tests.",
        ["links"] = new[] { new Dictionary<string, string> { ["title"] = "Home", ["url"] = "https://example.com/" } },
    });

    /// <summary>Writes the plugin into <paramref name="parent"/>/<paramref name="folderName"/> (the id by default).</summary>
    public string WriteTo(string parent, string? folderName = null)
    {
        var folder = Path.Combine(parent, folderName ?? Id);
        Directory.CreateDirectory(folder);
        foreach (var (path, bytes) in Files())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
            File.WriteAllBytes(Path.Combine(folder, path), bytes);
        }

        return folder;
    }

    /// <summary>The plugin zipped as the API takes it.</summary>
    public byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in Files())
            {
                using var entry = zip.CreateEntry(path).Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    public IEnumerable<(string Path, byte[] Bytes)> Files()
    {
        yield return ("plugin.json", System.Text.Encoding.UTF8.GetBytes(Manifest));
        yield return (EntryName + ".dll", FixtureCompiler.Compile(EntryName, Source, "1.0.0.0", [.. Libraries.Select(l => l.Bytes), .. MissingLibraries]));
        foreach (var (name, bytes) in Libraries)
        {
            yield return (name + ".dll", bytes);
        }

        foreach (var file in ExtraFiles)
        {
            yield return file;
        }
    }

    /// <summary>A plugin with one content rule whose description is <paramref name="description"/> (a C# expression).</summary>
    public static string RuleSource(string description = "\"A rule.\"", string evaluate = "Task.FromResult(new RuleVerdict(RuleOutcome.Pass, []))", string register = "", string ctor = "") => $$"""
        using Extensible.Sdk;
        using Extensible.Sdk.Content;
        namespace Fixture;
        public sealed class Entry : IPlugin
        {
            public Entry() { {{ctor}} }
            public void Register(IPluginBuilder plugin)
            {
                {{register}}
                plugin.AddContentRule(context => new Rule(context));
            }
        }
        public sealed class Rule(IPluginContext context) : IContentRule
        {
            public CapabilityInfo Info => new("rule", "Rule", {{description}});
            public Task<RuleVerdict> EvaluateAsync(ContentDraft draft, CancellationToken cancellationToken) => {{evaluate}};
            public IPluginContext Context => context;
            private static async Task<RuleVerdict> HangAsync() { await Task.Delay(Timeout.Infinite); throw new InvalidOperationException(); }
            private static Task<RuleVerdict> Block() { Thread.Sleep(Timeout.Infinite); throw new InvalidOperationException(); }
        }
        """;
}
