using Microsoft.Extensions.FileSystemGlobbing;

namespace MapLint.Workspace;

/// <summary>A file to check: its full path and the path shown in diagnostics (relative to the working folder).</summary>
public sealed record WorkspaceFile(string FullPath, string DisplayPath);

public sealed record DiscoveryResult(IReadOnlyList<WorkspaceFile> Files, IReadOnlyList<string> Errors);

/// <summary>
/// Expands the paths given on a command line (files, folders, globs) into the documents to check. Folders
/// contribute their *.json files; build output, dependencies and VCS folders are skipped, and symbolic links
/// to folders are not followed, so a link loop cannot make discovery run forever.
/// </summary>
public static class FileDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules", ".vs", "TestResults" };

    public static DiscoveryResult Discover(IEnumerable<string> paths, string currentDirectory)
    {
        var files = new Dictionary<string, WorkspaceFile>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var path in paths)
        {
            string full = Path.GetFullPath(path, currentDirectory);
            if (path.IndexOfAny(['*', '?']) >= 0)
            {
                int added = 0;
                foreach (var match in Glob(path, currentDirectory))
                {
                    Add(files, match, currentDirectory);
                    added++;
                }

                if (added == 0)
                {
                    errors.Add($"no file matches '{path}'");
                }
            }
            else if (Directory.Exists(full))
            {
                var excluded = FolderExclusions(full);
                foreach (var file in EnumerateFolder(full))
                {
                    if (excluded is null || !excluded.Match(full, file).HasMatches)
                    {
                        Add(files, file, currentDirectory);
                    }
                }
            }
            else if (File.Exists(full))
            {
                Add(files, full, currentDirectory);
            }
            else
            {
                errors.Add($"path not found: '{path}'");
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
    /// A checked folder may hold a maplint.json whose "exclude" globs (relative to the folder) leave files out of
    /// the folder walk; examples/ uses it to keep its deliberately broken cases out of `maplint check examples/`.
    /// Files named explicitly, or under a folder named explicitly below the exclusion, are always checked.
    /// </summary>
    private static Matcher? FolderExclusions(string folder)
    {
        string config = Path.Combine(folder, "maplint.json");
        if (!File.Exists(config))
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(config), new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("exclude", out var exclude) || exclude.ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                return null;
            }

            // The matcher matches the files to leave out.
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddIncludePatterns(exclude.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!));
            return matcher;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void Add(Dictionary<string, WorkspaceFile> files, string fullPath, string currentDirectory) =>
        files.TryAdd(fullPath, new WorkspaceFile(fullPath, ToDisplayPath(fullPath, currentDirectory)));

    private static IEnumerable<string> EnumerateFolder(string root)
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
                FileAttributes attributes;
                try
                {
                    attributes = File.GetAttributes(entry);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                if ((attributes & FileAttributes.Directory) != 0)
                {
                    if ((attributes & FileAttributes.ReparsePoint) == 0 && !SkippedFolders.Contains(Path.GetFileName(entry)))
                    {
                        pending.Push(entry);
                    }
                }
                else if (entry.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(entry).Equals("maplint.json", StringComparison.OrdinalIgnoreCase))
                {
                    yield return entry;
                }
            }
        }
    }

    private static IEnumerable<string> Glob(string pattern, string currentDirectory)
    {
        // Split the pattern into the folder before the first wildcard and the rest, so absolute globs work too.
        string normalized = pattern.Replace('\\', '/');
        int wildcard = normalized.IndexOfAny(['*', '?']);
        int slash = normalized.LastIndexOf('/', wildcard);
        string baseFolder = slash < 0 ? currentDirectory : Path.GetFullPath(normalized[..(slash + 1)], currentDirectory);
        string rest = slash < 0 ? normalized : normalized[(slash + 1)..];
        if (!Directory.Exists(baseFolder))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        return matcher.GetResultsInFullPath(baseFolder);
    }
}
