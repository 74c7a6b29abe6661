using MapLint.Model;
using MapLint.Semantics;
using MapLint.Workspace;

namespace MapLint.Engine;

/// <summary>
/// Which files' findings depend on which files, from the summaries: a map on the metadata it used (entities it
/// looked up, apps whose entity list it read), on the connection sets, and on the maps whose tables its lookups
/// point to (transitively: cycles); maps of one table on each other; projects on maps and connection sets;
/// documents of one name on each other; every file on the configuration (maplint.json, .editorconfig). Hooks ask
/// it which files a commit concerns, an editor which documents to check again after an edit. It errs on the side
/// of including a file: a dependent left out would be a finding missed.
/// </summary>
public sealed class DependencyIndex
{
    private readonly LintWorkspace workspace;
    private readonly Dictionary<string, int> indexOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> configuration;
    private readonly Lazy<Dictionary<TableMap, int>> fileOfMap;

    internal DependencyIndex(LintWorkspace workspace)
    {
        this.workspace = workspace;
        for (int i = 0; i < workspace.Files.Count; i++)
        {
            indexOf.TryAdd(workspace.Files[i].FullPath, i);
        }

        configuration = workspace.Inputs.Configuration.ToHashSet(StringComparer.Ordinal);
        fileOfMap = new(() =>
        {
            var result = new Dictionary<TableMap, int>(Util.ReferenceIdentity.Instance);
            for (int i = 0; i < workspace.Summaries.Count; i++)
            {
                foreach (var map in workspace.Summaries[i]?.TableMaps ?? [])
                {
                    result[map] = i;
                }
            }

            return result;
        });
    }

    /// <summary>
    /// The workspace's files whose findings may change when the files at <paramref name="changedFullPaths"/>
    /// change (themselves included when they belong to the workspace), in file order. A change to the
    /// configuration concerns every file.
    /// </summary>
    public IReadOnlyList<WorkspaceFile> DependentsOf(IEnumerable<string> changedFullPaths)
    {
        var paths = changedFullPaths.ToList();
        return workspace.RecordedDependentsOf(paths) ?? DependentsOf(paths, workspaceRules: true);
    }

    /// <summary>
    /// The files whose summaries must be made again when the files change: the files themselves, the maps whose
    /// own rules read changed metadata or connection sets. Rules spanning documents (the sync graph, duplicate
    /// names, projects) run on every summary in each analysis, so their dependents need no new summary: an edit
    /// to one map re-checks that map, not every map its change might concern.
    /// </summary>
    internal IReadOnlyList<WorkspaceFile> ToSummarizeAgain(IEnumerable<string> changedFullPaths) => DependentsOf(changedFullPaths, workspaceRules: false);

    private IReadOnlyList<WorkspaceFile> DependentsOf(IEnumerable<string> changedFullPaths, bool workspaceRules)
    {
        var summaries = workspace.Summaries;
        var result = new HashSet<int>();
        var maps = new HashSet<int>();
        bool everything = false;
        foreach (var path in changedFullPaths)
        {
            if (configuration.Contains(path))
            {
                everything = true;
                continue;
            }

            if (!indexOf.TryGetValue(path, out int i) || summaries[i] is not { } summary)
            {
                continue;
            }

            result.Add(i);
            if (summary.Metadata is { } deferred)
            {
                // Metadata known from the cache by its names: the same dependents as its loaded document's.
                AddUsersOf(deferred.App, deferred.EntityNames, deferred.LegalEntities.Count > 0 || deferred.BusinessUnits.Count > 0, result, maps);
                if (workspaceRules)
                {
                    AddWhere(result, s => s.Kind is DocumentKind.ConnectionSet or DocumentKind.Project);
                }
            }

            foreach (var document in summary.Documents)
            {
                switch (document)
                {
                    case TableMap when !workspaceRules:
                        break;
                    case TableMap map:
                        maps.Add(i);
                        AddSameName(document, result);
                        AddWhere(result, s => s.Kind == DocumentKind.Project);
                        break;
                    case EntityMetadataDocument metadata:
                        AddUsersOf(metadata.App, metadata.Entities.Select(e => e.Name), metadata.LegalEntities.Count > 0 || metadata.BusinessUnits.Count > 0, result, maps);
                        if (workspaceRules)
                        {
                            AddWhere(result, s => s.Kind is DocumentKind.ConnectionSet or DocumentKind.Project);
                        }

                        break;
                    case ConnectionSet:
                        AddWhere(result, s => s.TableMaps.Any());
                        if (workspaceRules)
                        {
                            AddSameName(document, result);
                            AddWhere(result, s => s.Kind is DocumentKind.Project);
                            AddWhere(maps, s => s.TableMaps.Any());
                        }

                        break;
                    case Project:
                        if (workspaceRules)
                        {
                            AddSameName(document, result);
                        }

                        break;
                }
            }
        }

        if (everything)
        {
            return workspace.Files.ToList();
        }

        if (workspaceRules)
        {
            AddSyncDependents(maps, result);
        }

        return result.Order().Select(i => workspace.Files[i]).ToList();
    }

    /// <summary>The files whose findings may change when the file changes.</summary>
    public IReadOnlyList<WorkspaceFile> DependentsOf(string changedFullPath) => DependentsOf([changedFullPath]);

    private void AddWhere(HashSet<int> result, Func<DocumentSummary, bool> which)
    {
        for (int i = 0; i < workspace.Summaries.Count; i++)
        {
            if (workspace.Summaries[i] is { } s && which(s))
            {
                result.Add(i);
            }
        }
    }

    private void AddSameName(MapLintDocument document, HashSet<int> result) =>
        AddWhere(result, s => s.Documents.Any(d => d.Kind == document.Kind && d.Name.Length > 0 && string.Equals(d.Name, document.Name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Maps that looked up an entity of the metadata (or one the workspace lacks for its app: the file may have
    /// held it before), read the app's entity list, or read the organization lists the file declares.
    /// </summary>
    private void AddUsersOf(string app, IEnumerable<string> entities, bool organization, HashSet<int> result, HashSet<int> maps)
    {
        var catalog = workspace.Result.Model.Metadata;
        var defined = new HashSet<(string, string)>(entities.Select(e => (app, e)), PairIgnoreCase.Instance);
        for (int i = 0; i < workspace.Summaries.Count; i++)
        {
            if (workspace.Summaries[i] is not { } s || !s.TableMaps.Any())
            {
                continue;
            }

            var uses = s.Uses;
            bool depends = (organization && uses.Organization)
                || uses.Apps.Contains(app, StringComparer.OrdinalIgnoreCase)
                || uses.Entities.Any(e => defined.Contains(e) || (Apps.NameComparer.Equals(e.App, app) && !catalog.Defines(e.App, e.Entity)))
                || s.TableMaps.Any(m => defined.Contains((m.Source.App, m.Source.Entity)) || defined.Contains((m.Destination.App, m.Destination.Entity)));
            if (depends)
            {
                result.Add(i);
                maps.Add(i);
            }
        }
    }

    /// <summary>
    /// Rules spanning maps: a changed map concerns the maps that reach it through lookups (cycles, ordering), the
    /// maps of its tables (two writers), and every map with a lookup no map couples (the change may couple it).
    /// </summary>
    private void AddSyncDependents(HashSet<int> changedMaps, HashSet<int> result)
    {
        if (changedMaps.Count == 0)
        {
            return;
        }

        var model = workspace.Result.Model;
        var graph = model.SyncGraph;
        var files = fileOfMap.Value;
        var dependents = new Dictionary<int, List<int>>();
        foreach (var dependency in graph.Dependencies)
        {
            if (files.TryGetValue(dependency.DependsOn, out int target) && files.TryGetValue(dependency.Map, out int from))
            {
                if (!dependents.TryGetValue(target, out var list))
                {
                    dependents[target] = list = [];
                }

                list.Add(from);
            }
        }

        var pending = new Stack<int>(changedMaps);
        var seen = new HashSet<int>(changedMaps);
        while (pending.Count > 0)
        {
            int i = pending.Pop();
            result.Add(i);
            foreach (var map in workspace.Summaries[i]?.TableMaps ?? [])
            {
                foreach (var other in model.MapsOfTable(map, map.Source.App, map.Source.Entity).Concat(model.MapsOfTable(map, map.Destination.App, map.Destination.Entity)))
                {
                    if (files.TryGetValue(other, out int j))
                    {
                        result.Add(j);
                    }
                }
            }

            foreach (int j in dependents.GetValueOrDefault(i) ?? [])
            {
                if (seen.Add(j))
                {
                    pending.Push(j);
                }
            }
        }

        foreach (var uncoupled in graph.UncoupledLookups)
        {
            if (files.TryGetValue(uncoupled.Map, out int j))
            {
                result.Add(j);
            }
        }
    }
}
