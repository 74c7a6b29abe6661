using MapLint.Configuration;
using MapLint.Model;


namespace MapLint.Workspace;

/// <summary>
/// Which documents a check of some changed files must report on (hooks pass only the changed files): the changed
/// documents and every document whose findings depend on one of them. A changed map reaches the maps that share
/// one of its tables or look it up (and those it looks up), and the projects; metadata, a connection set, the
/// configuration, an .editorconfig, or a file that is not a loaded document (an export, a deleted file) can
/// change any finding, so they reach every document.
/// </summary>
public static class WorkspaceDependents
{
    /// <summary>Display paths of the documents to report on.</summary>
    public static HashSet<string> Reported(LintResult result, IReadOnlyList<string> changedFullPaths, MapLintConfig config, string currentDirectory)
    {
        var model = result.Model;
        var byPath = model.Documents.ToDictionary(d => d.File.FullPath, StringComparer.Ordinal);
        var reported = new HashSet<string>(changedFullPaths.Select(p => FileDiscovery.ToDisplayPath(p, currentDirectory)), StringComparer.Ordinal);
        var changedMaps = new List<TableMap>();
        foreach (var path in changedFullPaths)
        {
            bool everything = !byPath.TryGetValue(path, out var document)
                || document.Kind is DocumentKind.EntityMetadata or DocumentKind.ConnectionSet
                || string.Equals(path, config.Path, StringComparison.Ordinal);
            if (everything)
            {
                reported.UnionWith(model.Documents.Select(d => d.File.DisplayPath));
                return reported;
            }

            if (document is TableMap map)
            {
                changedMaps.Add(map);
            }
        }

        if (changedMaps.Count == 0)
        {
            return reported;
        }

        // Projects name maps (DIPV2007); maps sharing a table write it twice (DIPV2203); lookups between maps make
        // the sync graph's findings (DIPV2200-2202).
        reported.UnionWith(model.Projects.Select(p => p.File.DisplayPath));
        var graph = model.SyncGraph;
        foreach (var map in changedMaps)
        {
            foreach (var side in new[] { map.Source, map.Destination })
            {
                reported.UnionWith(model.MapsOfTable(side.App, side.Entity).Select(m => m.File.DisplayPath));
            }

            reported.UnionWith(graph.DependenciesOf(map).Select(d => d.DependsOn.File.DisplayPath));
        }

        var changed = changedMaps.ToHashSet();
        reported.UnionWith(graph.Dependencies.Where(d => changed.Contains(d.DependsOn)).Select(d => d.Map.File.DisplayPath));
        // A map that stopped synchronizing a table leaves the lookups into it uncoupled (DIPV2202); the table is gone
        // from the model, so every map with an uncoupled lookup is reported.
        reported.UnionWith(graph.UncoupledLookups.Select(u => u.Map.File.DisplayPath));
        return reported;
    }
}
