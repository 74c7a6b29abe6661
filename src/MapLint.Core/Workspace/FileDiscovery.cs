using Microsoft.Extensions.FileSystemGlobbing;
using MapLint.Util;

namespace MapLint.Workspace;

/// <summary>
/// A file to check: its full path, the path shown in diagnostics (relative to the working folder), and the
/// workspace root it must not lead out of (null: anywhere, for files a caller names itself).
/// </summary>
public sealed record WorkspaceFile(string FullPath, string DisplayPath, string? Root = null);

public sealed record DiscoveryResult(IReadOnlyList<WorkspaceFile> Files, IReadOnlyList<string> Errors);

/// <summary>
/// Expands the paths given on a command line (files, folders, globs) into the documents to check. Folders
/// contribute their *.json and *.al files; build output, dependencies and VCS folders are skipped, and symbolic links
/// to folders are not followed, so a link loop cannot make discovery run forever.
/// </summary>
public static class FileDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules", ".vs", "TestResults" };

    public static DiscoveryResult Discover(IEnumerable<string> paths, string currentDirectory) =>
        Discover(paths, currentDirectory, Configuration.MapLintConfig.Default);

    public static DiscoveryResult Discover(IEnumerable<string> paths, string currentDirectory, Configuration.MapLintConfig config)
    {
        var files = new Dictionary<string, WorkspaceFile>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var path in paths)
        {
            string full = PathUtil.FullPath(path, currentDirectory);
            if (path.IndexOfAny(['*', '?']) >= 0)
            {
                if (GlobProblem(GlobRest(path)) is { } problem)
                {
                    errors.Add($"bad glob '{path}': {problem}");
                    continue;
                }

                int added = 0;
                foreach (var match in ExpandGlob(path, currentDirectory, config))
                {
                    Add(files, match, currentDirectory, WorkspaceRoot.ReadRoot(Path.GetDirectoryName(match)!, config.Directory));
                    added++;
                }

                if (added == 0)
                {
                    errors.Add($"no file matches '{path}'");
                }
            }
            else if (Directory.Exists(full))
            {
                var filter = FolderFilter.For(config, full);
                string root = WorkspaceRoot.ReadRoot(full, config.Directory);
                foreach (var file in EnumerateFolder(full, jsonOnly: true))
                {
                    if (filter.Keeps(file))
                    {
                        Add(files, file, currentDirectory, root);
                    }
                }
            }
            else if (File.Exists(full) || FileKinds.Of(full, followLinks: false) != FileKind.Missing)
            {
                // A file named on the command line (a dangling link included: the read says what is wrong with it).
                Add(files, full, currentDirectory, WorkspaceRoot.ReadRoot(Path.GetDirectoryName(full)!, config.Directory));
            }
            else
            {
                errors.Add($"path not found: '{path}'");
            }
        }

        foreach (var pattern in config.Metadata)
        {
            // Metadata the configuration names belongs to every run, whichever paths are checked. Its root is the
            // configuration's: a pattern leading out of the repository ('..', links) is refused when read.
            string root = WorkspaceRoot.ReadRoot(config.Directory!, config.Directory);
            bool glob = pattern.IndexOfAny(['*', '?']) >= 0;
            if (glob && GlobProblem(GlobRest(pattern)) is not null)
            {
                continue; // reported on maplint.json by the configuration loader
            }

            foreach (var file in glob ? Glob(pattern, config.Directory!) : [PathUtil.FullPath(pattern, config.Directory!)])
            {
                if (File.Exists(file) || FileKinds.Of(file, followLinks: false) == FileKind.SymbolicLink)
                {
                    Add(files, file, currentDirectory, root);
                }
            }
        }

        var sorted = files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToList();
        return new DiscoveryResult(sorted, errors);
    }

    public static string ToDisplayPath(string fullPath, string currentDirectory)
    {
        string relative = Path.GetRelativePath(currentDirectory, fullPath);
        string shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace('\\', '/');
    }

    /// <summary>
    /// The configuration's include and exclude globs for one folder walk, matched relative to the folder of
    /// maplint.json. When the walked folder itself lies in an excluded area, the user asked for it by name:
    /// exclusions do not apply to it (examples/broken/DIPV1004 is checked although examples/ excludes broken/**).
    /// </summary>
    private sealed class FolderFilter
    {
        private static readonly FolderFilter KeepAll = new(null, null, null);
        private readonly string? root;
        private readonly Matcher? include;
        private readonly Matcher? exclude;

        private FolderFilter(string? root, Matcher? include, Matcher? exclude)
        {
            this.root = root;
            this.include = include;
            this.exclude = exclude;
        }

        public static FolderFilter For(Configuration.MapLintConfig config, string folder)
        {
            if (config.Directory is not { } root || !IsUnder(folder, root))
            {
                return KeepAll;
            }

            Matcher? include = null;
            if (config.Include.Count > 0)
            {
                include = new Matcher(StringComparison.Ordinal);
                include.AddIncludePatterns(config.Include);
            }

            Matcher? exclude = null;
            if (config.Exclude.Count > 0)
            {
                exclude = new Matcher(StringComparison.Ordinal);
                exclude.AddIncludePatterns(config.Exclude);
                if (exclude.Match(root, Path.Combine(folder, "__probe__.json")).HasMatches)
                {
                    exclude = null;
                }
            }

            return new FolderFilter(root, include, exclude);
        }

        public bool Keeps(string file) =>
            root is null
            || ((include is null || include.Match(root, file).HasMatches) && (exclude is null || !exclude.Match(root, file).HasMatches));

        private static bool IsUnder(string path, string folder)
        {
            string relative = Path.GetRelativePath(folder, path);
            return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
        }
    }

    /// <summary>
    /// Why a glob cannot be used, or null. FileSystemGlobbing throws on a '..' after the first segment; MapLint says
    /// so instead (a leading '../' is fine: it moves the starting folder).
    /// </summary>
    public static string? GlobProblem(string pattern)
    {
        var segments = pattern.Replace('\\', '/').Split('/');
        bool seenOther = false;
        foreach (var segment in segments)
        {
            if (segment == "..")
            {
                if (seenOther)
                {
                    return "'..' may only lead the pattern (write the folder it means instead)";
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                seenOther = true;
            }
        }

        try
        {
            new Matcher(StringComparison.Ordinal).AddInclude(pattern).Match("/", "/probe.json");
        }
        catch (ArgumentException)
        {
            return "it is not a valid glob";
        }

        return null;
    }

    /// <summary>The part of a glob matched against the walk: what follows the folder before its first wildcard (that folder is resolved as a path).</summary>
    public static string GlobRest(string pattern)
    {
        string normalized = pattern.Replace('\\', '/');
        int wildcard = normalized.IndexOfAny(['*', '?']);
        int slash = wildcard < 0 ? -1 : normalized.LastIndexOf('/', wildcard);
        return slash < 0 ? normalized : normalized[(slash + 1)..];
    }

    private static void Add(Dictionary<string, WorkspaceFile> files, string fullPath, string currentDirectory, string root) =>
        files.TryAdd(fullPath, new WorkspaceFile(fullPath, ToDisplayPath(fullPath, currentDirectory), root));

    private static IEnumerable<string> EnumerateFolder(string root, bool jsonOnly)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(folder).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                FileAttributes? attributes;
                try
                {
                    attributes = File.GetAttributes(entry);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    attributes = null;
                }

                if (attributes is null)
                {
                    // A name that is not valid UTF-8 comes back with U+FFFD and cannot be opened by it: pass it on, so
                    // the read reports it instead of the file being skipped silently.
                    if (entry.IndexOf('\uFFFD') >= 0 && (!jsonOnly || entry.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
                    {
                        yield return entry;
                    }

                    continue;
                }

                if ((attributes.Value & FileAttributes.Directory) != 0)
                {
                    if ((attributes.Value & FileAttributes.ReparsePoint) == 0 && !(jsonOnly && SkippedFolders.Contains(Path.GetFileName(entry))))
                    {
                        pending.Push(entry);
                    }
                }
                else if (!jsonOnly)
                {
                    yield return entry;
                }
                else if ((IsChecked(entry) && !Path.GetFileName(entry).Equals("maplint.json", StringComparison.OrdinalIgnoreCase)) || BusinessCentral.AlFileReader.IsAlFile(entry))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>
    /// JSON files, and the XML and zip files a solution consists of (Customizations.xml, a solution .zip): the
    /// loader tells by content which are the service's, and skips the rest silently.
    /// </summary>
    private static bool IsChecked(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The files a glob names, less those the configuration excludes, as for a folder walk from the folder before
    /// the first wildcard (so a glob inside an excluded area the user named, like examples/broken/*, still matches).
    /// </summary>
    public static IEnumerable<string> ExpandGlob(string pattern, string currentDirectory, Configuration.MapLintConfig config)
    {
        var matches = Glob(pattern, currentDirectory, out string baseFolder);
        var filter = FolderFilter.For(config, baseFolder);
        return matches.Where(filter.Keeps);
    }

    private static IEnumerable<string> Glob(string pattern, string currentDirectory) => Glob(pattern, currentDirectory, out _);

    private static IEnumerable<string> Glob(string pattern, string currentDirectory, out string baseFolder)
    {
        // Split the pattern into the folder before the first wildcard and the rest, so absolute globs work too.
        string normalized = pattern.Replace('\\', '/');
        int wildcard = normalized.IndexOfAny(['*', '?']);
        int slash = normalized.LastIndexOf('/', wildcard);
        baseFolder = slash < 0 ? currentDirectory : PathUtil.FullPath(normalized[..(slash + 1)], currentDirectory);
        string rest = slash < 0 ? normalized : normalized[(slash + 1)..];

        // A glob the matcher would throw on matches nothing here; callers that report say why (GlobProblem).
        if (!Directory.Exists(baseFolder) || GlobProblem(rest) is not null)
        {
            return [];
        }

        // Matched on MapLint's own walk, which (unlike the matcher's) does not follow links to folders: a link
        // loop would load each file many times, two would make the walk exponential.
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        string folder = baseFolder;
        return EnumerateFolder(folder, jsonOnly: false).Where(f => matcher.Match(folder, f).HasMatches).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }
}
