using MapLint.Model;
using MapLint.Semantics;
using MapLint.Util;

namespace MapLint.Engine;

/// <summary>
/// The workspace stage after an edit, over the summaries of the last run: whether the edited files' maps can
/// replace their old versions in the last sync graph, and which files' findings the edit can change. An edit
/// that changes what other maps are checked against (a map's name, tables or deployment, a column some lookup
/// asks about, a file that is not only maps) is not one: the stage then runs on every file, as on opening.
/// </summary>
internal static class IncrementalStage
{
    /// <summary>
    /// New map → its old version, for every map of the changed files, when each keeps the inputs of other maps'
    /// findings; null when one does not.
    /// </summary>
    public static Dictionary<TableMap, TableMap>? Replacements(Dictionary<int, DocumentSummary?> before, IReadOnlyList<DocumentSummary> all, SyncGraph graph)
    {
        var replacing = new Dictionary<TableMap, TableMap>(ReferenceIdentity.Instance);
        foreach (var (i, old) in before)
        {
            var now = all[i];
            if (old is null || old.Al is not null || now.Al is not null || old.Documents.Count != now.Documents.Count
                || old.Columns.Count != old.Documents.Count || now.Columns.Count != now.Documents.Count)
            {
                return null;
            }

            for (int k = 0; k < now.Documents.Count; k++)
            {
                if (old.Documents[k] is not TableMap was || now.Documents[k] is not TableMap map || !SameInputsOfOthers(was, old.Columns[k], map, now.Columns[k], graph.KeyColumnsAsked))
                {
                    return null;
                }

                replacing[map] = was;
            }
        }

        return replacing;
    }

    /// <summary>
    /// The same name, file, deployment and tables, lookups asking only about key columns asked before, and those
    /// columns written and mapped as before: what the resolver, the duplicate names and the tables' writer lists of
    /// every other map read of this one.
    /// </summary>
    private static bool SameInputsOfOthers(TableMap was, MapColumns wasColumns, TableMap map, MapColumns columns, HashSet<(string App, string Column)> asked)
    {
        if (!string.Equals(was.Name, map.Name, StringComparison.Ordinal) || !string.Equals(was.Deployment, map.Deployment, StringComparison.Ordinal)
            || !string.Equals(was.File.DisplayPath, map.File.DisplayPath, StringComparison.Ordinal)
            || !SameTable(was.Source, map.Source) || !SameTable(was.Destination, map.Destination))
        {
            return false;
        }

        foreach (var mapping in map.Mappings)
        {
            foreach (var field in new[] { mapping.Source, mapping.Destination })
            {
                // A key column no lookup asked about before would be answered from columns the last run kept.
                if (field is { IsLookup: true } && LookupPath.Parse(field.Text) is { IsPolymorphic: false } path && !asked.Contains((field.Side.App, path.Parts[0].KeyColumn)))
                {
                    return false;
                }
            }
        }

        return SameAsked(was.WrittenColumns(MapSideRole.Source), map.WrittenColumns(MapSideRole.Source), map.Source.App, asked)
            && SameAsked(was.WrittenColumns(MapSideRole.Destination), map.WrittenColumns(MapSideRole.Destination), map.Destination.App, asked)
            && SameAsked(wasColumns.Source, columns.Source, columns.SourceApp, asked)
            && SameAsked(wasColumns.Destination, columns.Destination, columns.DestinationApp, asked);
    }

    private static bool SameTable(MapSide was, MapSide side) =>
        string.Equals(was.App, side.App, StringComparison.Ordinal) && string.Equals(was.Entity, side.Entity, StringComparison.Ordinal);

    private static bool SameAsked(IReadOnlyList<string> was, IReadOnlyList<string> now, string app, HashSet<(string App, string Column)> asked)
    {
        var before = new HashSet<string>(was.Where(c => asked.Contains((app, c))), StringComparer.OrdinalIgnoreCase);
        var after = new HashSet<string>(now.Where(c => asked.Contains((app, c))), StringComparer.OrdinalIgnoreCase);
        return before.SetEquals(after);
    }

    /// <summary>
    /// The files whose findings the edit can change: the changed files; every file holding other than maps
    /// (projects, connection sets and metadata, whose rules read the maps, and AL code); the maps of the edited
    /// maps' tables (which maps write a table's columns); the maps of their names (duplicates); and the maps of
    /// their strongly connected components before and after (lookup cycles are found and broken per component).
    /// </summary>
    public static bool[] Affected(Dictionary<int, DocumentSummary?> before, Dictionary<TableMap, TableMap> replacing, IReadOnlyList<DocumentSummary> all, SyncGraph oldGraph, SemanticModel model)
    {
        var affected = new bool[all.Count];
        var fileOf = new Dictionary<TableMap, int>(ReferenceIdentity.Instance);
        var filesOfName = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < all.Count; i++)
        {
            affected[i] = before.ContainsKey(i) || all[i].Al is not null || all[i].Documents.Any(d => d is not TableMap);
            foreach (var map in all[i].TableMaps)
            {
                fileOf[map] = i;
                if (!filesOfName.TryGetValue(map.Name, out var list))
                {
                    filesOfName[map.Name] = list = [];
                }

                list.Add(i);
            }
        }

        void Mark(TableMap map)
        {
            if (fileOf.TryGetValue(map, out int i))
            {
                affected[i] = true;
            }
        }

        var graph = model.SyncGraph;
        foreach (var (map, was) in replacing)
        {
            foreach (var other in model.MapsOfTable(map, map.Source.App, map.Source.Entity).Concat(model.MapsOfTable(map, map.Destination.App, map.Destination.Entity)))
            {
                Mark(other);
            }

            foreach (int i in filesOfName.GetValueOrDefault(map.Name) ?? [])
            {
                affected[i] = true;
            }

            // The old component's members are this run's objects except the replaced maps, whose files are marked.
            foreach (var other in oldGraph.ComponentOf(was))
            {
                Mark(other);
            }

            foreach (var other in graph.ComponentOf(map))
            {
                Mark(other);
            }
        }

        return affected;
    }
}
