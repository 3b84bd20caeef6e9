using Extensible.Sdk;
using Microsoft.Extensions.Logging;

namespace Extensible.Plugins.Loading;

/// <summary>
/// What every plugin shares with the host, resolved from the host first so types crossing the boundary keep one
/// identity: the SDK, the Microsoft.Extensions abstractions it exposes, and the shared framework. The host's own
/// dependencies are not shared: a plugin may ship other versions of them.
/// </summary>
internal static class SharedAssemblies
{
    /// <summary>The shared types handed to McMaster; their assemblies' references are shared with them.</summary>
    public static readonly Type[] Types = [typeof(IPlugin), typeof(ILogger)];

    /// <summary>
    /// The host's own (non-framework) assemblies: with shared types preferred, these are the ones a plugin resolves
    /// from its own folder first, and from the host only when it does not ship them.
    /// </summary>
    public static readonly IReadOnlyList<string> HostPrivate = HostPrivateNames();

    private static bool IsShared(string name) =>
        name == "Extensible.Sdk"
        || (name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && name.EndsWith(".Abstractions", StringComparison.Ordinal));

    // The trusted platform assemblies outside the shared framework folders.
    private static List<string> HostPrivateNames()
    {
        var names = new List<string>();
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var framework = runtime is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(runtime));
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string tpa && framework is not null)
        {
            foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (!path.StartsWith(framework, StringComparison.Ordinal) && !IsShared(name))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }
}
