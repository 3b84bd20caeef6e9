using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Extensible.Testing.Plugins;

/// <summary>
/// A plugin built at test time: its C# source compiled with Roslyn against the host's Extensible.Sdk, with its
/// <c>plugin.json</c>, zipped the way the console and the API take it (the published folder, zipped).
/// </summary>
/// <param name="Id">The manifest's id; the entry assembly is <c>{Id}.dll</c>.</param>
/// <param name="Name">The manifest's name.</param>
/// <param name="Version">The manifest's version.</param>
/// <param name="Source">The plugin's code: one public <c>IPlugin</c> class and whatever it needs.</param>
public sealed record TestPlugin(string Id, string Name, string Version, string Source)
{
    /// <summary>The manifest's author.</summary>
    public string Author { get; init; } = "Extensible tests";

    /// <summary>The manifest's description.</summary>
    public string Description { get; init; } = "A plugin compiled by a test.";

    /// <summary>The manifest's SDK range.</summary>
    public string Sdk { get; init; } = "^1.0";

    /// <summary>The manifest's sandbox flag.</summary>
    public bool Sandbox { get; init; }

    /// <summary>The entry assembly's file name.</summary>
    public string Entry => $"{Id}.dll";

    /// <summary>The manifest's text.</summary>
    public string Manifest() => new JsonObject
    {
        ["id"] = Id,
        ["name"] = Name,
        ["version"] = Version,
        ["sdk"] = Sdk,
        ["entry"] = Entry,
        ["author"] = Author,
        ["description"] = Description,
        ["sandbox"] = Sandbox,
    }.ToJsonString();

    /// <summary>Compiles <see cref="Source"/> against everything the test process has loaded (the framework and the SDK).</summary>
    /// <exception cref="InvalidOperationException">The source does not compile; the message lists the errors.</exception>
    public byte[] Compile()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(File.Exists)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            Id,
            [CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new InvalidOperationException($"The test plugin {Id} does not compile:\n{string.Join('\n', errors)}");
        }

        return output.ToArray();
    }

    /// <summary>The plugin as an installable .zip: <c>plugin.json</c> and the entry assembly at the top.</summary>
    public byte[] Archive()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "plugin.json", Encoding.UTF8.GetBytes(Manifest()));
            Add(archive, Entry, Compile());
        }

        return zip.ToArray();
    }

    /// <summary>Writes <see cref="Archive"/> to <c>{folder}/{Id}-{Version}.zip</c> and returns the path.</summary>
    public async Task<string> WriteArchiveAsync(string folder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Id}-{Version}.zip");
        await File.WriteAllBytesAsync(path, Archive(), cancellationToken);
        return path;
    }

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(content);
    }
}
