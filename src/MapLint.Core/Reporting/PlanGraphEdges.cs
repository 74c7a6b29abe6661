using MapLint.Semantics;
using MapLint.Model;
using MapLint.Planning;
using MapLint.Util;

namespace MapLint.Reporting;

/// <summary>
/// The graph as the drawings show it: one arrow per (dependency → dependent) pair of maps, in run order,
/// labelled with its lookups, and marked when the plan defers it (a cycle or a self-reference).
/// </summary>
internal sealed record PlanEdge(int From, int To, string Label, bool Deferred);

internal static class PlanGraphEdges
{
    public static IReadOnlyList<PlanEdge> Of(SyncPlan plan, IReadOnlyDictionary<TableMap, int> ids)
    {
        var deferred = plan.Graph.DeferredDependencies.ToHashSet();
        return plan.Graph.Dependencies.Select(d => (Dependency: d, Deferred: deferred.Contains(d)))
            .Concat(plan.Graph.SelfReferences.Select(d => (Dependency: d, Deferred: true)))
            .GroupBy(e => (From: ids[e.Dependency.DependsOn], To: ids[e.Dependency.Map], e.Deferred))
            .OrderBy(g => g.Key.From)
            .ThenBy(g => g.Key.To)
            .ThenBy(g => g.Key.Deferred)
            .Select(g => new PlanEdge(g.Key.From, g.Key.To, string.Join("\n", g.Select(e => e.Dependency.Lookup.Text).Distinct().Order(StringComparer.Ordinal)), g.Key.Deferred))
            .ToList();
    }

    public static Dictionary<TableMap, int> Ids(SyncPlan plan) =>
        plan.Graph.Maps.Select((m, i) => (m, i)).ToDictionary(p => p.m, p => p.i, (IEqualityComparer<TableMap>)ReferenceIdentity.Instance);
}
