namespace MapLint.Workspace;

/// <summary>
/// Where the rest of the workspace is when only some files are checked (pre-commit and git hooks pass the staged
/// files): the folder of the nearest maplint.json, else the git root. Loading it lets cross-file references
/// (metadata, other maps, connection sets) resolve; only the files passed are reported on.
/// </summary>
public static class WorkspaceRoot
{
    public static string? Find(string file)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is null)
        {
            return null;
        }

        return Configuration.ConfigLoader.Find(folder) is { } config ? Path.GetDirectoryName(config) : GitRoot(folder);
    }

    public static string? GitRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (IsGitRoot(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// The folders configuration is looked for in: from <paramref name="folder"/> up to the git root, included, and
    /// no further (as ESLint's <c>root</c> and .editorconfig's <c>root = true</c> stop), so a maplint.json or
    /// .editorconfig in a parent of the repository (a shared temp or CI workspace folder) cannot reconfigure it.
    /// Outside any repository the walk goes up to the file system's root.
    /// </summary>
    public static IEnumerable<string> ConfigurationFolders(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
            if (IsGitRoot(dir.FullName))
            {
                yield break;
            }
        }
    }

    /// <summary>The folder a checked path must not lead out of: its git root, else the configuration's folder, else its own folder.</summary>
    public static string ReadRoot(string folder, string? configFolder) => GitRoot(folder) ?? configFolder ?? folder;

    private static bool IsGitRoot(string folder)
    {
        string git = Path.Combine(folder, ".git");
        return Directory.Exists(git) || File.Exists(git);
    }
}
