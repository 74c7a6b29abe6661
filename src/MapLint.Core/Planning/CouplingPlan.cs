using MapLint.BusinessCentral;

namespace MapLint.Planning;

/// <summary>Why one Business Central mapping must be coupled after another.</summary>
public enum CouplingReason
{
    /// <summary>Its Dependency Filter names the other mapping.</summary>
    DependencyFilter,

    /// <summary>A field it maps relates (TableRelation) to the other mapping's table, and the filter does not say so.</summary>
    TableRelation,
}

/// <summary>An edge of the coupling graph: <see cref="From"/> is coupled after the mapping named <see cref="To"/>.</summary>
public sealed record CouplingDependency(IntegrationTableMapping From, string To, CouplingReason Reason, AlLocation Location)
{
    /// <summary>The repository's mapping named <see cref="To"/>; null for a base-application default (CURRENCY…).</summary>
    public IntegrationTableMapping? Target { get; init; }
}

/// <summary>
/// The coupling graph of the repository's integration table mappings: Dependency Filters, and the table relations
/// of the fields they map to tables another mapping synchronizes. Base-application mappings are prerequisites,
/// not nodes (their own order is the base application's).
/// </summary>
public sealed class CouplingGraph
{
    private CouplingGraph(IReadOnlyList<IntegrationTableMapping> mappings, IReadOnlyList<CouplingDependency> dependencies)
    {
        Mappings = mappings;
        Dependencies = dependencies;
    }

    public IReadOnlyList<IntegrationTableMapping> Mappings { get; }

    public IReadOnlyList<CouplingDependency> Dependencies { get; }

    public static CouplingGraph Build(BusinessCentralApp app)
    {
        var mappings = app.TableMappings.GroupBy(m => m.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        var dependencies = new List<CouplingDependency>();
        foreach (var mapping in mappings)
        {
            var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, filter) in mapping.Dependencies)
            {
                if (app.IsKnownMapping(name) && named.Add(name))
                {
                    dependencies.Add(new CouplingDependency(mapping, name, CouplingReason.DependencyFilter, filter.Location) { Target = app.FindMapping(name) });
                }
            }

            foreach (var field in mapping.FieldMappings)
            {
                if (field.Field is not { } bc || field.ClearValueOnFailedSync is not null || !field.Enabled)
                {
                    continue;
                }

                foreach (var related in app.RelatedTables(bc))
                {
                    foreach (var other in app.MappingsOfTable(related).Where(n => !n.Equals(mapping.Key, StringComparison.OrdinalIgnoreCase)))
                    {
                        if (named.Add(other))
                        {
                            dependencies.Add(new CouplingDependency(mapping, other, CouplingReason.TableRelation, bc.Location) { Target = app.FindMapping(other) });
                        }
                    }
                }
            }
        }

        return new CouplingGraph(mappings, dependencies);
    }

    /// <summary>The cycles (strongly connected components of two or more mappings, or one that names itself) over the edges <paramref name="use"/> keeps.</summary>
    public IReadOnlyList<IReadOnlyList<IntegrationTableMapping>> Cycles(Func<CouplingDependency, bool> use) =>
        Components(use).Where(c => c.Count > 1 || Dependencies.Any(d => use(d) && d.From == c[0] && d.Target == c[0])).ToList();

    /// <summary>Tarjan's algorithm over the repository's mappings, visited in name order so the result is stable.</summary>
    internal List<List<IntegrationTableMapping>> Components(Func<CouplingDependency, bool> use)
    {
        var edges = Mappings.ToDictionary(m => m, m => Dependencies.Where(d => d.From == m && d.Target is not null && use(d)).Select(d => d.Target!).Distinct().OrderBy(t => t.Key, StringComparer.Ordinal).ToList());
        var index = new Dictionary<IntegrationTableMapping, int>();
        var low = new Dictionary<IntegrationTableMapping, int>();
        var onStack = new HashSet<IntegrationTableMapping>();
        var stack = new Stack<IntegrationTableMapping>();
        var components = new List<List<IntegrationTableMapping>>();
        int counter = 0;

        void Visit(IntegrationTableMapping node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<IntegrationTableMapping>();
                IntegrationTableMapping member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                component.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                components.Add(component);
            }
        }

        foreach (var mapping in Mappings)
        {
            if (!index.ContainsKey(mapping))
            {
                Visit(mapping);
            }
        }

        return components;
    }
}

/// <summary>One wave of the coupling plan: mappings that wait for nothing still uncoupled and can run together.</summary>
public sealed record CouplingWave(int Number, IReadOnlyList<IntegrationTableMapping> Mappings);

/// <summary>
/// The order in which to run (couple and synchronize) a repository's Business Central mappings: waves by
/// Kahn's algorithm over the coupling graph with each cycle taken as one step (its members cannot be ordered;
/// the plan names them), after the base application's default mappings they depend on.
/// </summary>
public sealed class CouplingPlan
{
    private CouplingPlan(CouplingGraph graph, IReadOnlyList<CouplingWave> waves, IReadOnlyList<IReadOnlyList<IntegrationTableMapping>> cycles)
    {
        Graph = graph;
        Waves = waves;
        Cycles = cycles;
    }

    public CouplingGraph Graph { get; }

    public IReadOnlyList<CouplingWave> Waves { get; }

    public IReadOnlyList<IReadOnlyList<IntegrationTableMapping>> Cycles { get; }

    /// <summary>The base-application mappings (CURRENCY…) the repository's mappings wait for, in name order.</summary>
    public IReadOnlyList<string> BasePrerequisites => Graph.Dependencies.Where(d => d.Target is null).Select(d => d.To.ToUpperInvariant()).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

    public IEnumerable<CouplingDependency> DependenciesOf(IntegrationTableMapping mapping) =>
        Graph.Dependencies.Where(d => d.From == mapping).OrderBy(d => d.To, StringComparer.OrdinalIgnoreCase);

    public static CouplingPlan Create(CouplingGraph graph)
    {
        var components = graph.Components(_ => true);
        var componentOf = new Dictionary<IntegrationTableMapping, int>();
        for (int c = 0; c < components.Count; c++)
        {
            foreach (var member in components[c])
            {
                componentOf[member] = c;
            }
        }

        var waiting = components.Select((_, c) => new HashSet<int>()).ToList();
        foreach (var dependency in graph.Dependencies)
        {
            if (dependency.Target is { } target && componentOf[target] != componentOf[dependency.From])
            {
                waiting[componentOf[dependency.From]].Add(componentOf[target]);
            }
        }

        var waves = new List<CouplingWave>();
        var done = new HashSet<int>();
        while (done.Count < components.Count)
        {
            var ready = Enumerable.Range(0, components.Count).Where(c => !done.Contains(c) && waiting[c].All(done.Contains)).ToList();
            waves.Add(new CouplingWave(waves.Count + 1, ready.SelectMany(c => components[c]).OrderBy(m => m.Key, StringComparer.Ordinal).ToList()));
            done.UnionWith(ready);
        }

        return new CouplingPlan(graph, waves, graph.Cycles(_ => true));
    }
}
