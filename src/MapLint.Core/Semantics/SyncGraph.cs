using MapLint.Model;
using MapLint.Util;

namespace MapLint.Semantics;

/// <summary>A dependency of one map on another: a lookup of <see cref="Map"/> targets a table <see cref="DependsOn"/> synchronizes.</summary>
public sealed record SyncDependency(TableMap Map, TableMap DependsOn, FieldReference Lookup, string TargetTable);

/// <summary>A lookup whose target table is known but that no map of the workspace synchronizes.</summary>
public sealed record UncoupledLookup(TableMap Map, FieldReference Lookup, string TargetTable);

/// <summary>A lookup whose target table could not be found, and the metadata that would tell it.</summary>
public sealed record UnresolvedLookup(TableMap Map, FieldReference Lookup, string MetadataNeeded);

/// <summary>
/// The initial-sync dependency graph over the workspace's table maps. Built once per run in linear time:
/// lookups are resolved through metadata where it exists, and otherwise through the lookup's key column and
/// the tables the maps synchronize. Cycles are found with Tarjan's algorithm and broken deterministically.
/// </summary>
public sealed class SyncGraph
{
    private readonly Dictionary<TableMap, List<SyncDependency>> dependenciesOf = new(ReferenceIdentity.Instance);
    private readonly Dictionary<TableMap, List<SyncDependency>> selfReferencesOf = new(ReferenceIdentity.Instance);
    private readonly Dictionary<TableMap, List<UncoupledLookup>> uncoupledOf = new(ReferenceIdentity.Instance);

    // What a later graph of the same workspace reuses (see Build with a previous graph): each map's resolved
    // lookups, the resolver with its tables and columns, and each map's strongly connected component.
    private readonly Dictionary<TableMap, List<ResolvedLookup>> resolvedOf = new(ReferenceIdentity.Instance);
    private readonly Dictionary<TableMap, List<UnresolvedLookup>> unresolvedOf = new(ReferenceIdentity.Instance);
    private LookupResolver? resolver;
    private Dictionary<TableMap, int> componentOf = new(ReferenceIdentity.Instance);

    private SyncGraph(IReadOnlyList<TableMap> maps)
    {
        Maps = maps; // Build gives every map its lists
    }

    /// <summary>Maps sorted by name (ordinal), then file: the order every output follows.</summary>
    public IReadOnlyList<TableMap> Maps { get; }

    public IReadOnlyList<SyncDependency> Dependencies { get; private set; } = [];

    /// <summary>Lookups of a map into its own table: the map needs a second pass.</summary>
    public IReadOnlyList<SyncDependency> SelfReferences { get; private set; } = [];

    public IReadOnlyList<UncoupledLookup> UncoupledLookups { get; private set; } = [];

    /// <summary>Lookups whose target table is not known: no edge, so the plan cannot order them; said explicitly.</summary>
    public IReadOnlyList<UnresolvedLookup> UnresolvedLookups { get; private set; } = [];

    public IReadOnlyList<SyncDependency> SelfReferencesOf(TableMap map) => selfReferencesOf.TryGetValue(map, out var list) ? list : Array.Empty<SyncDependency>();

    public IReadOnlyList<UncoupledLookup> UncoupledLookupsOf(TableMap map) => uncoupledOf.TryGetValue(map, out var list) ? list : Array.Empty<UncoupledLookup>();

    /// <summary>Dependencies between different maps that are deferred to a second pass to break cycles.</summary>
    public IReadOnlyList<SyncDependency> DeferredDependencies { get; private set; } = [];

    /// <summary>For each deferred dependency, the cycle it breaks, as the maps along it (the deferring map first).</summary>
    public IReadOnlyDictionary<SyncDependency, IReadOnlyList<SyncDependency>> CycleOf { get; private set; } = new Dictionary<SyncDependency, IReadOnlyList<SyncDependency>>();

    public IReadOnlyList<SyncDependency> DependenciesOf(TableMap map) => dependenciesOf.TryGetValue(map, out var list) ? list : Array.Empty<SyncDependency>();

    /// <summary>
    /// (app, key column) of every lookup resolved: the only questions the resolver asks of the columns the maps
    /// write, so a map whose other columns changed leaves every other map's resolution as it was.
    /// </summary>
    internal HashSet<(string App, string Column)> KeyColumnsAsked { get; } = new(PairIgnoreCase.Instance);

    /// <summary>The (app, table) every resolved lookup of <paramref name="map"/> points to (whoever writes it, if anyone).</summary>
    internal IEnumerable<(string App, string Table)> TargetTablesOf(TableMap map) =>
        resolvedOf.TryGetValue(map, out var lookups)
            ? lookups.Where(l => l.Unresolved is null).SelectMany(l => l.Targets.Select(t => (l.Lookup.Side.App, t.Table)))
            : [];

    /// <summary>The maps of <paramref name="map"/>'s strongly connected component (itself alone when it is in no cycle).</summary>
    internal IReadOnlyList<TableMap> ComponentOf(TableMap map)
    {
        membersOf ??= Maps.GroupBy(m => componentOf.GetValueOrDefault(m, -1)).ToDictionary(g => g.Key, g => g.ToList());
        return componentOf.TryGetValue(map, out int id) ? membersOf[id] : [map];
    }

    private Dictionary<int, List<TableMap>>? membersOf;

    public static SyncGraph Build(SemanticModel model) => Build(model, model.TableMaps);

    /// <summary>
    /// The graph of some of the model's maps: those of one deployment (see <see cref="TableMap.Deployment"/>), whose
    /// lookups only ever point into their own deployment, so the graph is the same as within the whole model.
    /// </summary>
    public static SyncGraph Build(SemanticModel model, IReadOnlyList<TableMap> of) => Build(model, of, null, null);

    /// <summary>
    /// The graph after some maps were replaced by new versions (<paramref name="replacing"/>: new map → old) that
    /// keep every input other maps' lookups are resolved from (tables, names, columns asked about; the engine
    /// checks that): the other maps' resolved lookups and the resolver are reused, the new maps' lookups resolved,
    /// and the edges and cycles made again from them, which is linear in the lookups, not in the mappings.
    /// </summary>
    internal static SyncGraph Build(SemanticModel model, IReadOnlyList<TableMap> of, SyncGraph? previous, IReadOnlyDictionary<TableMap, TableMap>? replacing)
    {
        // New versions of maps keep their name and file, so their place in the order.
        var newOf = previous is null ? null : replacing!.ToDictionary(p => p.Value, p => p.Key, ReferenceIdentity.Instance);
        var maps = previous is not null && previous.Maps.Count == of.Count
            ? previous.Maps.Select(m => newOf!.GetValueOrDefault(m) ?? m).ToList()
            : of.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.File.DisplayPath, StringComparer.Ordinal).ToList();
        var graph = new SyncGraph(maps);
        // Only lookups that metadata and naming cannot resolve need the index, so it is built on first use.
        var keyColumnIndex = new Lazy<KeyColumnIndex>(() => model.KeyColumns?.Invoke() ?? KeyColumnIndex.From(maps), LazyThreadSafetyMode.ExecutionAndPublication);
        var resolver = previous?.resolver ?? new LookupResolver(model, () => keyColumnIndex.Value);
        graph.resolver = resolver;

        // Resolving lookups is independent per map and runs on all cores; the edges are then added in map order,
        // so the graph is the same whatever the scheduling.
        var resolved = new List<ResolvedLookup>[maps.Count];
        Parallel.For(0, maps.Count, i =>
        {
            if (previous is not null && !replacing!.ContainsKey(maps[i]) && previous.resolvedOf.TryGetValue(maps[i], out var known))
            {
                resolved[i] = known;
                return;
            }

            var list = new List<ResolvedLookup>();
            var seen = new HashSet<(MapSideRole, string)>();
            foreach (var mapping in maps[i].Mappings)
            {
                foreach (var field in new[] { mapping.Source, mapping.Destination })
                {
                    if (field is { IsLookup: true } && seen.Add((field.Side.Role, field.Text.ToLowerInvariant())))
                    {
                        list.Add(resolver.Resolve(field));
                    }
                }
            }

            resolved[i] = list;
        });

        for (int i = 0; i < maps.Count; i++)
        {
            graph.resolvedOf[maps[i]] = resolved[i];
            foreach (var lookup in resolved[i])
            {
                if (!lookup.Path.IsPolymorphic)
                {
                    graph.KeyColumnsAsked.Add((lookup.Lookup.Side.App, lookup.Path.Parts[0].KeyColumn));
                }
            }
        }

        // After an edit, a map keeps its edges unless it is new or one of them leads to a map replaced: the tables
        // and the maps of each are as they were.
        HashSet<TableMap>? redo = null;
        if (previous is not null)
        {
            var replaced = new HashSet<TableMap>(replacing!.Values, ReferenceIdentity.Instance);
            redo = new HashSet<TableMap>(replacing.Keys, ReferenceIdentity.Instance);
            foreach (var dependency in previous.Dependencies)
            {
                if (replaced.Contains(dependency.DependsOn))
                {
                    redo.Add(dependency.Map);
                }
            }
        }

        // The owners of a table, sorted once per table rather than once per lookup into it.
        var ownersOf = new Dictionary<(string App, string Table, string? Deployment), List<TableMap>>(TableComparer.Instance);
        List<TableMap> Owners(TableMap map, string app, string table)
        {
            if (!ownersOf.TryGetValue((app, table, map.Deployment), out var owners))
            {
                owners = model.MapsOfTable(map, app, table).ToList();
                owners.Sort((a, b) =>
                {
                    int byName = string.CompareOrdinal(a.Name, b.Name);
                    return byName != 0 ? byName : string.CompareOrdinal(a.File.DisplayPath, b.File.DisplayPath);
                });
                ownersOf[(app, table, map.Deployment)] = owners;
            }

            return owners;
        }

        var dependencies = new List<SyncDependency>();
        var selfReferences = new List<SyncDependency>();
        var uncoupled = new List<UncoupledLookup>();
        var unresolved = new List<UnresolvedLookup>();
        for (int i = 0; i < maps.Count; i++)
        {
            var map = maps[i];
            if (redo is not null && !redo.Contains(map))
            {
                graph.dependenciesOf[map] = previous!.dependenciesOf[map];
                graph.selfReferencesOf[map] = previous.selfReferencesOf[map];
                graph.uncoupledOf[map] = previous.uncoupledOf[map];
                graph.unresolvedOf[map] = previous.unresolvedOf[map];
            }
            else
            {
                graph.AddEdges(map, resolved[i], Owners);
            }

            dependencies.AddRange(graph.dependenciesOf[map]);
            selfReferences.AddRange(graph.selfReferencesOf[map]);
            uncoupled.AddRange(graph.uncoupledOf[map]);
            unresolved.AddRange(graph.unresolvedOf[map]);
        }

        graph.Dependencies = dependencies;
        graph.SelfReferences = selfReferences;
        graph.UncoupledLookups = uncoupled;
        graph.UnresolvedLookups = unresolved;
        if (previous is not null && CyclesAsBefore(previous, graph, replacing!))
        {
            // No map replaced is or comes to be on a cycle: every other component, and its deferred edges, stay.
            graph.componentOf = new Dictionary<TableMap, int>(previous.componentOf, ReferenceIdentity.Instance);
            foreach (var (map, was) in replacing!)
            {
                graph.componentOf.Remove(was);
                graph.componentOf[map] = previous.componentOf[was];
            }

            graph.DeferredDependencies = previous.DeferredDependencies;
            graph.CycleOf = previous.CycleOf;
        }
        else
        {
            graph.BreakCycles();
        }

        return graph;
    }

    /// <summary>One map's edges, self-references, lookups to uncoupled tables and unresolved lookups, in lookup order.</summary>
    private void AddEdges(TableMap map, List<ResolvedLookup> lookups, Func<TableMap, string, string, List<TableMap>> owners)
    {
        var edges = dependenciesOf[map] = [];
        var selves = selfReferencesOf[map] = [];
        var lonely = uncoupledOf[map] = [];
        var unknown = unresolvedOf[map] = [];
        foreach (var lookup in lookups)
        {
            if (lookup.Unresolved is { } needed)
            {
                unknown.Add(new UnresolvedLookup(map, lookup.Lookup, needed));
                continue;
            }

            foreach (var target in lookup.Targets.DistinctBy(t => t.Table, StringComparer.OrdinalIgnoreCase))
            {
                var side = lookup.Lookup.Side;
                if (string.Equals(target.Table, side.Entity, StringComparison.OrdinalIgnoreCase))
                {
                    // Into the map's own table: the second pass fills it, whichever map writes the rows it
                    // points to; no edge to the table's other writers (that would be quadratic, and a cycle).
                    selves.Add(new SyncDependency(map, map, lookup.Lookup, target.Table));
                    continue;
                }

                var writers = owners(map, side.App, target.Table);
                if (!writers.Any(m => !ReferenceEquals(m, map)))
                {
                    if (target.Source is LookupTargetSource.Metadata or LookupTargetSource.Path)
                    {
                        lonely.Add(new UncoupledLookup(map, lookup.Lookup, target.Table));
                    }

                    continue;
                }

                foreach (var owner in writers)
                {
                    if (!ReferenceEquals(owner, map))
                    {
                        edges.Add(new SyncDependency(map, owner, lookup.Lookup, target.Table));
                    }
                }
            }
        }
    }

    /// <summary>
    /// True when every replaced map was alone in its component before and cannot reach itself now: only its edges
    /// changed, so no cycle appeared or went.
    /// </summary>
    private static bool CyclesAsBefore(SyncGraph previous, SyncGraph graph, IReadOnlyDictionary<TableMap, TableMap> replacing)
    {
        foreach (var (map, was) in replacing)
        {
            if (previous.ComponentOf(was).Count != 1)
            {
                return false;
            }

            var seen = new HashSet<TableMap>(ReferenceIdentity.Instance);
            var pending = new Stack<TableMap>([map]);
            while (pending.Count > 0)
            {
                foreach (var edge in graph.dependenciesOf[pending.Pop()])
                {
                    if (ReferenceEquals(edge.DependsOn, map))
                    {
                        return false;
                    }

                    if (seen.Add(edge.DependsOn))
                    {
                        pending.Push(edge.DependsOn);
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Finds strongly connected components (Tarjan, iterative) and, inside each, defers the back edges of a DFS
    /// that visits maps and dependencies in name order: what remains is acyclic, and the choice is stable.
    /// </summary>
    private void BreakCycles()
    {
        var component = componentOf = StronglyConnectedComponents();
        var orderedOf = new Dictionary<TableMap, List<SyncDependency>>(ReferenceIdentity.Instance);
        var state = new Dictionary<TableMap, int>(ReferenceIdentity.Instance); // 1 on stack, 2 done
        var deferred = new List<SyncDependency>();
        var cycles = new Dictionary<SyncDependency, IReadOnlyList<SyncDependency>>();
        foreach (var root in Maps)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            // Iterative DFS restricted to edges inside one component.
            var path = new List<SyncDependency>();
            var stack = new Stack<(TableMap Map, int Next)>();
            state[root] = 1;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                var (map, next) = stack.Pop();
                // Sorted once per map, not on each of its edges' visits.
                if (!orderedOf.TryGetValue(map, out var edges))
                {
                    orderedOf[map] = edges = Ordered(map);
                }

                if (next < edges.Count)
                {
                    stack.Push((map, next + 1));
                    var edge = edges[next];
                    if (component[edge.DependsOn] != component[map])
                    {
                        continue;
                    }

                    if (!state.TryGetValue(edge.DependsOn, out int s))
                    {
                        state[edge.DependsOn] = 1;
                        path.Add(edge);
                        stack.Push((edge.DependsOn, 0));
                    }
                    else if (s == 1)
                    {
                        deferred.Add(edge);
                        int start = path.FindIndex(p => ReferenceEquals(p.Map, edge.DependsOn));
                        cycles[edge] = [edge, .. path.Skip(start < 0 ? path.Count : start)];
                    }
                }
                else
                {
                    state[map] = 2;
                    if (path.Count > 0 && ReferenceEquals(path[^1].DependsOn, map))
                    {
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }

        // All lookups of a deferred map-to-map edge wait for the second pass, not just the one the DFS walked.
        var walkedByPair = new Dictionary<(TableMap, TableMap), SyncDependency>();
        foreach (var walked in deferred)
        {
            walkedByPair.TryAdd((walked.Map, walked.DependsOn), walked);
        }

        // And a lookup is deferred whole: every dependency through it (a table several maps write) waits with it.
        var deferredLookups = new HashSet<FieldReference>(Dependencies.Where(d => walkedByPair.ContainsKey((d.Map, d.DependsOn))).Select(d => d.Lookup), ReferenceIdentity.Instance);
        var all = Dependencies.Where(d => deferredLookups.Contains(d.Lookup)).ToList();
        foreach (var extra in all.Where(d => !cycles.ContainsKey(d)))
        {
            cycles[extra] = walkedByPair.TryGetValue((extra.Map, extra.DependsOn), out var walked)
                ? [extra, .. cycles[walked].Skip(1)]
                : [extra, .. cycles[walkedByPair.First(p => ReferenceEquals(p.Key.Item1, extra.Map) && deferredLookups.Contains(extra.Lookup)).Value].Skip(1)];
        }

        DeferredDependencies = all;
        CycleOf = cycles;
    }

    private List<SyncDependency> Ordered(TableMap map) =>
        dependenciesOf[map]
            .OrderBy(d => d.DependsOn.Name, StringComparer.Ordinal)
            .ThenBy(d => d.DependsOn.File.DisplayPath, StringComparer.Ordinal)
            .ThenBy(d => d.Lookup.Text, StringComparer.Ordinal)
            .ToList();

    private Dictionary<TableMap, int> StronglyConnectedComponents()
    {
        var index = new Dictionary<TableMap, int>(ReferenceIdentity.Instance);
        var low = new Dictionary<TableMap, int>(ReferenceIdentity.Instance);
        var component = new Dictionary<TableMap, int>(ReferenceIdentity.Instance);
        var onStack = new HashSet<TableMap>(ReferenceIdentity.Instance);
        var stack = new Stack<TableMap>();
        int counter = 0;
        int components = 0;
        foreach (var root in Maps)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(TableMap Map, int Next)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (map, next) = work.Pop();
                var edges = dependenciesOf[map];
                if (next < edges.Count)
                {
                    work.Push((map, next + 1));
                    var target = edges[next].DependsOn;
                    if (!index.ContainsKey(target))
                    {
                        index[target] = low[target] = counter++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[map] = Math.Min(low[map], index[target]);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Map;
                    low[parent] = Math.Min(low[parent], low[map]);
                }

                if (low[map] == index[map])
                {
                    TableMap member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component[member] = components;
                    }
                    while (!ReferenceEquals(member, map));
                    components++;
                }
            }
        }

        return component;
    }
}

/// <summary>Compares (app, table, deployment) ignoring case, as the model's table index does.</summary>
internal sealed class TableComparer : IEqualityComparer<(string App, string Table, string? Deployment)>
{
    public static readonly TableComparer Instance = new();

    public bool Equals((string App, string Table, string? Deployment) x, (string App, string Table, string? Deployment) y) =>
        StringComparer.OrdinalIgnoreCase.Equals(x.App, y.App) && StringComparer.OrdinalIgnoreCase.Equals(x.Table, y.Table) && StringComparer.OrdinalIgnoreCase.Equals(x.Deployment, y.Deployment);

    public int GetHashCode((string App, string Table, string? Deployment) key) =>
        unchecked((((StringComparer.OrdinalIgnoreCase.GetHashCode(key.App) * 31) + StringComparer.OrdinalIgnoreCase.GetHashCode(key.Table)) * 31) + (key.Deployment is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(key.Deployment)));
}

/// <summary>Compares (app, column) pairs ignoring case, without upper-cased copies of every name.</summary>
internal sealed class PairIgnoreCase : IEqualityComparer<(string, string)>
{
    public static readonly PairIgnoreCase Instance = new();

    public bool Equals((string, string) x, (string, string) y) =>
        StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

    public int GetHashCode((string, string) pair) =>
        unchecked((StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Item1) * 31) + StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Item2));
}
