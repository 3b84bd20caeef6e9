using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Extensible.Plugins.Tests.Support;

/// <summary>Compiles fixture plugins and libraries with Roslyn at test time, against the host's own SDK and framework.</summary>
public static class FixtureCompiler
{
    private static readonly Lazy<MetadataReference[]> Platform = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"
                || name == "Extensible.Sdk.dll" || (name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && name.EndsWith(".Abstractions.dll", StringComparison.Ordinal))))
            .Select(p => MetadataReference.CreateFromFile(p))]);

    /// <summary>Compiles <paramref name="source"/> into an assembly named <paramref name="name"/>; returns its bytes.</summary>
    public static byte[] Compile(string name, string source, string version = "1.0.0.0", params byte[][] references)
    {
        var header = $"global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;\n[assembly: System.Reflection.AssemblyVersion(\"{version}\")]\n";
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(header, new CSharpParseOptions(LanguageVersion.Latest)), CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Platform.Value, .. references.Select(r => MetadataReference.CreateFromImage(r))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        if (!result.Success)
        {
            throw new InvalidOperationException($"The fixture {name} does not compile:\n{string.Join('\n', result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
        }

        return output.ToArray();
    }
}
