using System.Reflection;

namespace Extensible.Plugins.Loading;

/// <summary>
/// The assemblies every plugin shares with the host, always resolved from the host first: the SDK, the
/// Microsoft.Extensions abstractions it exposes, and the shared framework. Types crossing the boundary keep one identity.
/// </summary>
internal static class SharedAssemblies
{
    private static readonly HashSet<string> Framework = FrameworkNames();

    public static bool IsShared(AssemblyName name)
    {
        var simple = name.Name ?? "";
        return simple == "Extensible.Sdk"
            || (simple.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && simple.EndsWith(".Abstractions", StringComparison.Ordinal))
            || Framework.Contains(simple);
    }

    // The trusted platform assemblies that live in the shared framework folders (not the host's own dependencies,
    // which a plugin may ship other versions of).
    private static HashSet<string> FrameworkNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var shared = runtime is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(runtime));
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string tpa && shared is not null)
        {
            foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (path.StartsWith(shared, StringComparison.Ordinal))
                {
                    names.Add(Path.GetFileNameWithoutExtension(path));
                }
            }
        }

        return names;
    }
}
