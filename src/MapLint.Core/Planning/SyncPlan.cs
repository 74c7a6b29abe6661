using MapLint.Semantics;
using MapLint.Model;
using MapLint.Util;

namespace MapLint.Planning;

/// <summary>A lookup left empty in the first pass and filled in the second, and why.</summary>
public sealed record DeferredLookup(FieldReference Lookup, SyncDependency Dependency, bool SelfReference);

public sealed record PlannedMap(TableMap Map, IReadOnlyList<DeferredLookup> Deferred);

public sealed record SyncWave(int Number, IReadOnlyList<PlannedMap> Maps);

/// <summary>
/// The initial-sync run order: waves of maps whose dependencies all ran in earlier waves (Kahn's algorithm by
/// levels over the graph without its deferred edges), then a second pass for the maps whose self-references
/// or cycle-breaking lookups were deferred. Deterministic: maps in a wave are in name order.
/// </summary>
public sealed class SyncPlan
{
    private SyncPlan(SyncGraph graph, IReadOnlyList<SyncWave> waves, IReadOnlyList<PlannedMap> secondPass)
    {
        Graph = graph;
        Waves = waves;
        SecondPass = secondPass;
    }

    public SyncGraph Graph { get; }

    public IReadOnlyList<SyncWave> Waves { get; }

    /// <summary>Maps to run again, with the lookups that pass restores.</summary>
    public IReadOnlyList<PlannedMap> SecondPass { get; }

    public static SyncPlan Create(SyncGraph graph)
    {
        var deferredEdges = graph.DeferredDependencies.ToHashSet();
        var deferredOf = graph.SelfReferences.Select(d => new DeferredLookup(d.Lookup, d, true))
            .Concat(graph.DeferredDependencies.Select(d => new DeferredLookup(d.Lookup, d, false)))
            .GroupBy(d => d.Dependency.Map)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DeferredLookup>)g.OrderBy(d => d.Lookup.Text, StringComparer.Ordinal).DistinctBy(d => d.Lookup).ToList(), ReferenceIdentity.Instance);

        // Kahn by levels: remaining[m] counts the distinct maps m still waits for.
        var waitsFor = new Dictionary<TableMap, HashSet<TableMap>>(ReferenceIdentity.Instance);
        var dependents = new Dictionary<TableMap, List<TableMap>>(ReferenceIdentity.Instance);
        foreach (var map in graph.Maps)
        {
            waitsFor[map] = new HashSet<TableMap>(ReferenceIdentity.Instance);
            dependents[map] = new List<TableMap>();
        }

        foreach (var dependency in graph.Dependencies.Where(d => !deferredEdges.Contains(d)))
        {
            if (waitsFor[dependency.Map].Add(dependency.DependsOn))
            {
                dependents[dependency.DependsOn].Add(dependency.Map);
            }
        }

        var remaining = graph.Maps.ToDictionary(m => m, m => waitsFor[m].Count, ReferenceIdentity.Instance);
        var order = graph.Maps.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, ReferenceIdentity.Instance);
        var current = graph.Maps.Where(m => remaining[m] == 0).ToList();
        var waves = new List<SyncWave>();
        while (current.Count > 0)
        {
            waves.Add(new SyncWave(waves.Count + 1, current.Select(m => new PlannedMap(m, deferredOf.GetValueOrDefault(m, []))).ToList()));
            var next = new List<TableMap>();
            foreach (var map in current)
            {
                foreach (var dependent in dependents[map])
                {
                    if (--remaining[dependent] == 0)
                    {
                        next.Add(dependent);
                    }
                }
            }

            next.Sort((a, b) => order[a].CompareTo(order[b]));
            current = next;
        }

        var secondPass = graph.Maps.Where(deferredOf.ContainsKey).Select(m => new PlannedMap(m, deferredOf[m])).ToList();
        return new SyncPlan(graph, waves, secondPass);
    }
}
