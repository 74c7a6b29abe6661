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

    private SyncGraph(IReadOnlyList<TableMap> maps)
    {
        Maps = maps;
        foreach (var map in maps)
        {
            dependenciesOf[map] = new List<SyncDependency>();
            selfReferencesOf[map] = new List<SyncDependency>();
            uncoupledOf[map] = new List<UncoupledLookup>();
        }
    }

    /// <summary>Maps sorted by name (ordinal), then file: the order every output follows.</summary>
    public IReadOnlyList<TableMap> Maps { get; }

    public IReadOnlyList<SyncDependency> Dependencies { get; private set; } = [];

    /// <summary>Lookups of a map into its own table: the map needs a second pass.</summary>
    public IReadOnlyList<SyncDependency> SelfReferences { get; private set; } = [];

    public IReadOnlyList<UncoupledLookup> UncoupledLookups { get; private set; } = [];

    /// <summary>Lookups whose target table is not known: no edge, so the plan cannot order them; said explicitly.</summary>
    public IReadOnlyList<UnresolvedLookup> UnresolvedLookups { get; private set; } = [];

    public IReadOnlyList<SyncDependency> SelfReferencesOf(TableMap map) => selfReferencesOf.TryGetValue(map, out var list) ? list : [];

    public IReadOnlyList<UncoupledLookup> UncoupledLookupsOf(TableMap map) => uncoupledOf.TryGetValue(map, out var list) ? list : [];

    /// <summary>Dependencies between different maps that are deferred to a second pass to break cycles.</summary>
    public IReadOnlyList<SyncDependency> DeferredDependencies { get; private set; } = [];

    /// <summary>For each deferred dependency, the cycle it breaks, as the maps along it (the deferring map first).</summary>
    public IReadOnlyDictionary<SyncDependency, IReadOnlyList<SyncDependency>> CycleOf { get; private set; } = new Dictionary<SyncDependency, IReadOnlyList<SyncDependency>>();

    public IReadOnlyList<SyncDependency> DependenciesOf(TableMap map) => dependenciesOf.TryGetValue(map, out var list) ? list : [];

    public static SyncGraph Build(SemanticModel model)
    {
        var maps = model.TableMaps
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.File.DisplayPath, StringComparer.Ordinal)
            .ToList();
        var graph = new SyncGraph(maps);
        // Only lookups that metadata and naming cannot resolve need the index, so it is built on first use.
        var keyColumnIndex = new Lazy<KeyColumnIndex>(() => model.KeyColumns?.Invoke() ?? KeyColumnIndex.From(maps), LazyThreadSafetyMode.ExecutionAndPublication);
        var resolver = new LookupResolver(model, () => keyColumnIndex.Value);

        // Resolving lookups is independent per map and runs on all cores; the edges are then added in map order,
        // so the graph is the same whatever the scheduling.
        var resolved = new List<ResolvedLookup>[maps.Count];
        Parallel.For(0, maps.Count, i =>
        {
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

        var dependencies = new List<SyncDependency>();
        var selfReferences = new List<SyncDependency>();
        var uncoupled = new List<UncoupledLookup>();
        var unresolved = new List<UnresolvedLookup>();
        for (int i = 0; i < maps.Count; i++)
        {
            var map = maps[i];
            foreach (var lookup in resolved[i])
            {
                if (lookup.Unresolved is { } needed)
                {
                    unresolved.Add(new UnresolvedLookup(map, lookup.Lookup, needed));
                    continue;
                }

                foreach (var target in lookup.Targets.DistinctBy(t => t.Table, StringComparer.OrdinalIgnoreCase))
                {
                    var side = lookup.Lookup.Side;
                    if (string.Equals(target.Table, side.Entity, StringComparison.OrdinalIgnoreCase))
                    {
                        // Into the map's own table: the second pass fills it, whichever map writes the rows it
                        // points to; no edge to the table's other writers (that would be quadratic, and a cycle).
                        var self = new SyncDependency(map, map, lookup.Lookup, target.Table);
                        selfReferences.Add(self);
                        graph.selfReferencesOf[map].Add(self);
                        continue;
                    }

                    var owners = model.MapsOfTable(map, side.App, target.Table).Where(m => !ReferenceEquals(m, map)).ToList();
                    if (owners.Count == 0)
                    {
                        if (target.Source is LookupTargetSource.Metadata or LookupTargetSource.Path)
                        {
                            var lonely = new UncoupledLookup(map, lookup.Lookup, target.Table);
                            uncoupled.Add(lonely);
                            graph.uncoupledOf[map].Add(lonely);
                        }

                        continue;
                    }

                    owners.Sort((a, b) =>
                    {
                        int byName = string.CompareOrdinal(a.Name, b.Name);
                        return byName != 0 ? byName : string.CompareOrdinal(a.File.DisplayPath, b.File.DisplayPath);
                    });
                    foreach (var owner in owners)
                    {
                        var dependency = new SyncDependency(map, owner, lookup.Lookup, target.Table);
                        dependencies.Add(dependency);
                        graph.dependenciesOf[map].Add(dependency);
                    }
                }
            }
        }

        graph.Dependencies = dependencies;
        graph.SelfReferences = selfReferences;
        graph.UncoupledLookups = uncoupled;
        graph.UnresolvedLookups = unresolved;
        graph.BreakCycles();
        return graph;
    }

    /// <summary>
    /// Finds strongly connected components (Tarjan, iterative) and, inside each, defers the back edges of a DFS
    /// that visits maps and dependencies in name order: what remains is acyclic, and the choice is stable.
    /// </summary>
    private void BreakCycles()
    {
        var component = StronglyConnectedComponents();
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
                var edges = Ordered(map);
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

/// <summary>Compares (app, column) pairs ignoring case, without upper-cased copies of every name.</summary>
internal sealed class PairIgnoreCase : IEqualityComparer<(string, string)>
{
    public static readonly PairIgnoreCase Instance = new();

    public bool Equals((string, string) x, (string, string) y) =>
        StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

    public int GetHashCode((string, string) pair) =>
        unchecked((StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Item1) * 31) + StringComparer.OrdinalIgnoreCase.GetHashCode(pair.Item2));
}
