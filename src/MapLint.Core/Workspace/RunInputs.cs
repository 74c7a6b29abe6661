using MapLint.Configuration;

namespace MapLint.Workspace;

/// <summary>
/// Every file a run reads besides nothing else: the documents, the configuration found or given, the .editorconfig
/// files its severities come from, and the metadata and exports its globs name. A build that skips the lint when
/// none of these changed (MSBuild's incremental targets) takes them from here, so the two cannot drift.
/// </summary>
public static class RunInputs
{
    public static IReadOnlyList<string> Files(IEnumerable<string> documents, ConfigLoadResult loaded, string currentDirectory)
    {
        var inputs = new SortedSet<string>(documents.Select(Path.GetFullPath), StringComparer.Ordinal);
        if (loaded.Config.Path is { } config)
        {
            inputs.Add(Path.GetFullPath(config));
        }

        // Severities come from the .editorconfig files above each document (path sections) and above the configuration.
        inputs.UnionWith(loaded.EditorConfigFiles.Select(Path.GetFullPath));
        var folders = inputs.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        inputs.UnionWith(folders.SelectMany(EditorConfigSeverities.Files).Select(Path.GetFullPath));
        inputs.UnionWith(FileDiscovery.Discover([], currentDirectory, loaded.Config).Files.Select(f => f.FullPath));
        return inputs.ToList();
    }
}
