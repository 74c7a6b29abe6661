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
            string git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
