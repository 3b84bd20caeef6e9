using System.Globalization;
using System.IO.Compression;

namespace Extensible.Testing;

/// <summary>
/// Makes real plugins the way an author does: packs Extensible.Sdk, Extensible.Sdk.Testing and the template into a folder
/// feed, installs the <c>dotnet new extensible-plugin</c> template into a private hive, creates a plugin outside the
/// repository, and builds, tests or publishes it. Packages restore from the feed and the machine's usual NuGet sources,
/// into a package folder of the tests' own so a stale Extensible.Sdk in the user's NuGet cache is never used.
/// </summary>
public static class PluginTemplate
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);
    private static readonly SemaphoreSlim Preparing = new(1, 1);
    private static string? installedHive;

    /// <summary>Where everything of this test process goes: the feed, the template hive, the plugins (removed at process exit).</summary>
    public static string WorkRoot { get; } = CreateWorkRoot();

    /// <summary>The folder feed <see cref="PackAsync"/> writes to.</summary>
    public static string Feed => Path.Combine(WorkRoot, "feed");

    /// <summary>
    /// The NuGet package folder the plugins restore into: kept between runs for the public packages (xunit and the like),
    /// emptied of Extensible's own packages at every pack.
    /// </summary>
    public static string PackagesFolder { get; } = Path.Combine(Path.GetTempPath(), $"extensible-plugin-packages-{System.Environment.UserName}");

    /// <summary>The repository this test runs from (the folder holding Extensible.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Packs the SDK, the testing kit and the template into <see cref="Feed"/> and installs the template, once per test process.</summary>
    /// <param name="cancellationToken">Cancels the packing.</param>
    /// <returns>The template hive to pass to <c>dotnet new --debug:custom-hive</c>.</returns>
    public static async Task<string> PackAsync(CancellationToken cancellationToken = default)
    {
        await Preparing.WaitAsync(cancellationToken);
        try
        {
            if (installedHive is not null)
            {
                return installedHive;
            }

            Directory.CreateDirectory(Feed);

            // Test processes running side by side (this project's and the host's) would build the same SDK projects at once.
            await using var packing = await HoldAsync(Path.Combine(Path.GetTempPath(), $"extensible-plugin-pack-{System.Environment.UserName}.lock"), cancellationToken);
            await DotnetCommand.RunAsync(RepositoryRoot, ChildEnvironment(), CommandTimeout, cancellationToken,
                "pack", Path.Combine(RepositoryRoot, "sdk", "Extensible.Sdk.Packages.slnx"), "--configuration", "Release", "--output", Feed, "--nologo");
            ForgetExtensiblePackages();

            var hive = Path.Combine(WorkRoot, "template-hive");
            var template = Directory.GetFiles(Feed, "Extensible.Templates.*.nupkg").Single();
            await DotnetCommand.RunAsync(WorkRoot, ChildEnvironment(), CommandTimeout, cancellationToken,
                "new", "install", template, "--debug:custom-hive", hive);
            installedHive = hive;
            return hive;
        }
        finally
        {
            Preparing.Release();
        }
    }

    /// <summary>Creates a plugin from the template in a new folder outside the repository.</summary>
    /// <param name="pluginId">The plugin's id (<c>acme.hello</c>); its name is the id in Pascal case (<c>Acme.Hello</c>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new plugin's solution.</returns>
    public static async Task<PluginSolution> CreateAsync(string pluginId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginId);
        var hive = await PackAsync(cancellationToken);
        var name = NameOf(pluginId);
        var folder = Path.Combine(WorkRoot, "plugins", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        await DotnetCommand.RunAsync(WorkRoot, ChildEnvironment(), CommandTimeout, cancellationToken,
            "new", "extensible-plugin", "--name", name, "--id", pluginId, "--plugin-author", "Extensible tests",
            "--feed", Feed, "--output", folder, "--debug:custom-hive", hive);
        return new PluginSolution(pluginId, name, folder);
    }

    /// <summary>Runs <c>dotnet</c> in a plugin's solution folder with the tests' package folder.</summary>
    /// <param name="solution">The plugin's solution.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <param name="arguments">The arguments (<c>test</c>, <c>build</c>…).</param>
    /// <returns>Its output.</returns>
    public static Task<string> RunAsync(PluginSolution solution, CancellationToken cancellationToken, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return DotnetCommand.RunAsync(solution.Folder, ChildEnvironment(), CommandTimeout, cancellationToken, arguments);
    }

    /// <summary>Publishes a plugin's project into <paramref name="outputDirectory"/>: the installable plugin folder.</summary>
    /// <param name="solution">The plugin's solution.</param>
    /// <param name="outputDirectory">Where the plugin folder goes.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><paramref name="outputDirectory"/>, full path.</returns>
    public static async Task<string> PublishAsync(PluginSolution solution, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var output = Path.GetFullPath(outputDirectory);
        await RunAsync(solution, cancellationToken, "publish", solution.ProjectPath, "--configuration", "Release", "--output", output, "--nologo");
        return output;
    }

    /// <summary>Creates a plugin from the template and publishes it into <paramref name="outputDirectory"/>, ready to copy into a plugins folder or zip.</summary>
    /// <param name="pluginId">The plugin's id.</param>
    /// <param name="outputDirectory">Where the plugin folder goes.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns><paramref name="outputDirectory"/>, full path.</returns>
    public static async Task<string> PublishAsync(string pluginId, string outputDirectory, CancellationToken cancellationToken = default) =>
        await PublishAsync(await CreateAsync(pluginId, cancellationToken), outputDirectory, cancellationToken);

    /// <summary>Zips a published plugin folder the way an author does for the console's upload or <c>POST /api/v1/plugins</c>.</summary>
    /// <param name="pluginFolder">The published folder.</param>
    /// <param name="zipPath">The archive to write (replaced if it exists).</param>
    /// <returns><paramref name="zipPath"/>.</returns>
    public static string Zip(string pluginFolder, string zipPath)
    {
        File.Delete(zipPath);
        ZipFile.CreateFromDirectory(pluginFolder, zipPath, CompressionLevel.Fastest, includeBaseDirectory: false);
        return zipPath;
    }

    /// <summary>The project and namespace name the tests give a plugin: its id in Pascal case (<c>acme.hello-world</c> → <c>Acme.HelloWorld</c>).</summary>
    /// <param name="pluginId">The plugin's id.</param>
    /// <returns>The name.</returns>
    public static string NameOf(string pluginId)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginId);
        return string.Join('.', pluginId.Split('.').Select(part =>
            string.Concat(part.Split('-', StringSplitOptions.RemoveEmptyEntries)
                .Select(word => char.IsDigit(word[0]) ? "_" + word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]))));
    }

    private static Dictionary<string, string?> ChildEnvironment() => new()
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
    };

    // The packages were just rebuilt with the same version: a copy restored earlier would win over the feed.
    private static void ForgetExtensiblePackages()
    {
        if (!Directory.Exists(PackagesFolder))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(PackagesFolder, "extensible.*"))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<FileStream> HoldAsync(string lockFile, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock, released when the stream closes or the process ends.
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private static string CreateWorkRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"extensible-plugin-template-{System.Environment.ProcessId}-{Guid.NewGuid():N}"[..60]);
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is under the temp folder.
            }
        };
        return root;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Extensible.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Extensible.sln above {AppContext.BaseDirectory}: the plugin template tests run from the repository.");
    }
}
