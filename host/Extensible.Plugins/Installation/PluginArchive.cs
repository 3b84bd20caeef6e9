using System.IO.Compression;
using Extensible.Plugins.Manifest;

namespace Extensible.Plugins.Installation;

/// <summary>
/// Extracts an uploaded plugin archive into a staging folder, treating it as hostile: size limits (archive, total
/// extracted, entry count), no traversal, absolute paths, drive letters, links or duplicate entries, and a valid manifest
/// before anything is loaded. The archive may hold the plugin's files at its root or inside one top folder.
/// </summary>
internal static class PluginArchive
{
    private const int UnixFileTypeMask = 0xF000 << 16;
    private const int UnixRegularFile = 0x8000 << 16;
    private const int UnixDirectory = 0x4000 << 16;

    /// <summary>Copies the upload to a temporary file, refusing it past the size limit.</summary>
    public static async Task<string> SaveAsync(Stream upload, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"upload-{Guid.NewGuid():N}.zip");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new PluginManifestException($"The archive is larger than {maxBytes / (1024 * 1024)} MB.");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return path;
        }
        catch
        {
            // Too big, or the upload broke off (a client that went away, a body cut short): nothing is left behind.
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Extracts <paramref name="zipPath"/> into the new folder <paramref name="staging"/> and reads its manifest.</summary>
    /// <exception cref="PluginManifestException">The archive is unsafe, too big, damaged or not a valid plugin.</exception>
    public static PluginManifest Extract(string zipPath, string staging, PluginsOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return ExtractChecked(zipPath, staging, options, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or PathTooLongException)
        {
            // A damaged entry, an unknown compression method, a name too long for the file system: the archive's fault.
            throw new PluginManifestException($"The archive cannot be extracted: {e.Message}", e);
        }
    }

    private static PluginManifest ExtractChecked(string zipPath, string staging, PluginsOptions options, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException e)
        {
            throw new PluginManifestException("The upload is not a .zip archive.", e);
        }

        using (archive)
        {
            if (archive.Entries.Count > options.MaxArchiveEntries)
            {
                throw new PluginManifestException($"The archive holds more than {options.MaxArchiveEntries} entries.");
            }

            var names = archive.Entries.Select(e => Check(e)).ToList();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names.Where(n => !n.EndsWith('/')))
            {
                if (!seen.Add(name))
                {
                    throw new PluginManifestException($"The archive holds '{name}' twice.");
                }
            }

            // A file and a folder of one name ('lib' and 'lib/a.dll') cannot both be extracted.
            var folders = new HashSet<string>(names.SelectMany(FoldersOf), StringComparer.OrdinalIgnoreCase);
            if (seen.FirstOrDefault(folders.Contains) is { } clash)
            {
                throw new PluginManifestException($"The archive holds '{clash}' both as a file and as a folder.");
            }

            var prefix = CommonRoot(names);
            long total = 0;
            Directory.CreateDirectory(staging);
            var root = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
            for (var i = 0; i < archive.Entries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = archive.Entries[i];
                var relative = names[i][prefix.Length..];
                if (relative.Length == 0)
                {
                    continue;
                }

                var target = Path.GetFullPath(Path.Combine(staging, relative));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new PluginManifestException($"The entry '{entry.FullName}' points outside the plugin's folder.");
                }

                if (relative.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                total += entry.Length;
                if (total > options.MaxExtractedBytes)
                {
                    throw new PluginManifestException($"The archive holds more than {options.MaxExtractedBytes / (1024 * 1024)} MB once extracted.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var source = entry.Open();
                using var destination = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                // The declared size is not trusted: the copy stops at it.
                CopyAtMost(source, destination, entry.Length, entry.FullName);
            }
        }

        return ManifestReader.ReadFolder(staging);
    }

    private static string Check(ZipArchiveEntry entry)
    {
        var name = entry.FullName;
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new PluginManifestException("The archive holds an entry without a name.");
        }

        if (name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('/') || (name.Length > 1 && name[1] == ':'))
        {
            throw new PluginManifestException($"The entry '{name}' has an absolute path, a drive letter or backslashes.");
        }

        if (name.Split('/').Any(part => part is ".." or "."))
        {
            throw new PluginManifestException($"The entry '{name}' climbs out of its folder ('..').");
        }

        var type = entry.ExternalAttributes & UnixFileTypeMask;
        if (type != 0 && type != UnixRegularFile && type != UnixDirectory)
        {
            throw new PluginManifestException($"The entry '{name}' is a link or a special file; only plain files and folders are accepted.");
        }

        return name;
    }

    // "a/b/c.dll" → "a", "a/b"; "a/b/" → "a", "a/b".
    private static IEnumerable<string> FoldersOf(string name)
    {
        for (var slash = name.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = name.IndexOf('/', slash + 1))
        {
            yield return name[..slash];
        }
    }

    // "acme.hello/plugin.json", "acme.hello/Acme.Hello.dll" → "acme.hello/"; files at the root → "".
    private static string CommonRoot(List<string> names)
    {
        if (names.Contains(Manifest.PluginManifest.FileName))
        {
            return "";
        }

        var tops = names.Select(n => n.Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();
        return tops.Count == 1 && names.All(n => n.Contains('/', StringComparison.Ordinal)) ? tops[0] + "/" : "";
    }

    private static void CopyAtMost(Stream source, Stream destination, long declared, string name)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            copied += read;
            if (copied > declared)
            {
                throw new PluginManifestException($"The entry '{name}' holds more than its declared size.");
            }

            destination.Write(buffer, 0, read);
        }
    }
}
