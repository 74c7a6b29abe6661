using System.Text;
using MapLint.Model;
using MapLint.Planning;
using MapLint.Reporting;

namespace MapLint.Tests.Planning;

/// <summary>
/// The initial-sync graph and plan on small workspaces without metadata (lookups resolve through the key
/// columns the maps map). Every plan is checked by <see cref="AssertValid"/>, which walks it.
/// </summary>
public class SyncPlanTests
{
    /// <summary>A map of table <paramref name="table"/>; each lookup names the table it points to.</summary>
    private static (string Path, byte[] Content) Map(string table, params string[] lookupsTo)
    {
        var mappings = new List<string> { $"{{ \"source\": \"{table.ToUpperInvariant()}ID\", \"direction\": \"=\", \"destination\": \"{table}_id\" }}" };
        mappings.AddRange(lookupsTo.Select((target, i) => $"{{ \"source\": \"REF{i}\", \"direction\": \"=\", \"destination\": \"ref_{target}_{i}.{target}_id\" }}"));
        string json = $$"""
            { "kind": "tableMap", "name": "{{table}}",
              "source": { "app": "financeAndOperations", "entity": "{{table.ToUpperInvariant()}}" },
              "destination": { "app": "dataverse", "entity": "{{table}}" },
              "mappings": [ {{string.Join(", ", mappings)}} ] }
            """;
        return ($"maps/{table}.json", Encoding.UTF8.GetBytes(json));
    }

    private static SyncPlan Plan(params (string, byte[])[] maps) => SyncPlan.Create(Linter.Run(maps, new LintOptions { Analyzers = [] }).Model.SyncGraph);

    private static List<List<string>> Waves(SyncPlan plan) => plan.Waves.Select(w => w.Maps.Select(m => m.Map.Name).ToList()).ToList();

    /// <summary>Every map runs once; every dependency that is not deferred ran in an earlier wave; deferred lookups come back in the second pass.</summary>
    private static void AssertValid(SyncPlan plan)
    {
        var wave = new Dictionary<TableMap, int>(ReferenceEqualityComparer.Instance);
        foreach (var w in plan.Waves)
        {
            foreach (var m in w.Maps)
            {
                Assert.True(wave.TryAdd(m.Map, w.Number), $"{m.Map.Name} planned twice");
            }
        }

        Assert.Equal(plan.Graph.Maps.Count, wave.Count);
        var deferred = plan.Graph.DeferredDependencies.ToHashSet();
        foreach (var dependency in plan.Graph.Dependencies.Where(d => !deferred.Contains(d)))
        {
            Assert.True(wave[dependency.DependsOn] < wave[dependency.Map], $"{dependency.Map.Name} runs in wave {wave[dependency.Map]} but needs {dependency.DependsOn.Name} (wave {wave[dependency.DependsOn]})");
        }

        var restored = plan.SecondPass.SelectMany(p => p.Deferred.Select(d => d.Lookup)).ToHashSet();
        Assert.All(deferred.Concat(plan.Graph.SelfReferences), d => Assert.Contains(d.Lookup, restored));
    }

    [Fact]
    public void ChainRunsInOrder()
    {
        var plan = Plan(Map("c", "b"), Map("b", "a"), Map("a"));
        AssertValid(plan);
        Assert.Equal([["a"], ["b"], ["c"]], Waves(plan));
        Assert.Empty(plan.SecondPass);
    }

    [Fact]
    public void DiamondRunsTheMiddleTogether()
    {
        var plan = Plan(Map("d", "b", "c"), Map("b", "a"), Map("c", "a"), Map("a"));
        AssertValid(plan);
        Assert.Equal([["a"], ["b", "c"], ["d"]], Waves(plan));
    }

    [Fact]
    public void SelfReferenceIsDeferredToASecondPass()
    {
        var plan = Plan(Map("vendor", "vendor"));
        AssertValid(plan);
        Assert.Equal([["vendor"]], Waves(plan));
        var second = Assert.Single(plan.SecondPass);
        Assert.Equal("ref_vendor_0.vendor_id", Assert.Single(second.Deferred).Lookup.Text);
        Assert.True(second.Deferred[0].SelfReference);
    }

    [Fact]
    public void TwoMapCycleDefersOneLookup()
    {
        var plan = Plan(Map("account", "contact"), Map("contact", "account"));
        AssertValid(plan);
        var deferred = Assert.Single(plan.Graph.DeferredDependencies);
        // The walk starts at the first map by name, so the lookup that closes the cycle back to it waits.
        Assert.Equal("contact", deferred.Map.Name);
        Assert.Equal([["contact"], ["account"]], Waves(plan));
        Assert.Equal(["contact", "account"], plan.Graph.CycleOf[deferred].Select(d => d.Map.Name));
    }

    [Fact]
    public void ThreeMapCycleNamesEveryMapOnIt()
    {
        var plan = Plan(Map("a", "b"), Map("b", "c"), Map("c", "a"), Map("d", "a"));
        AssertValid(plan);
        var deferred = Assert.Single(plan.Graph.DeferredDependencies);
        Assert.Equal(["c", "a", "b"], plan.Graph.CycleOf[deferred].Select(d => d.Map.Name));
        Assert.Equal(3, plan.Waves.Count(w => w.Maps.Any(m => m.Map.Name is "a" or "b" or "c")));
    }

    [Fact]
    public void UnresolvableLookupAddsNoEdge()
    {
        var plan = Plan(Map("a", "nowhere"));
        AssertValid(plan);
        Assert.Empty(plan.Graph.Dependencies);
        Assert.Empty(plan.Graph.UncoupledLookups); // without metadata the target table is unknown
    }

    [Fact]
    public void MissingDependencyIsFoundThroughMetadata()
    {
        var docs = Infrastructure.Fixture.Documents.Where(d => !d.Path.Contains("customer-groups", StringComparison.Ordinal))
            .Select(d => (d.Path, Encoding.UTF8.GetBytes(d.Text)))
            .Append(("case/map.json", Encoding.UTF8.GetBytes(Infrastructure.Fixture.CustomersMap)))
            .ToList();
        var graph = Linter.Run(docs, new LintOptions { Analyzers = [] }).Model.SyncGraph;
        var uncoupled = Assert.Single(graph.UncoupledLookups);
        Assert.Equal("msdyn_customergroup", uncoupled.TargetTable);
        Assert.Equal("msdyn_customergroupid.msdyn_groupid", uncoupled.Lookup.Text);
    }

    [Fact]
    public void PlanIsTheSameWhateverTheFileOrder()
    {
        var maps = new[] { Map("e", "d", "a"), Map("d", "c"), Map("c", "b", "e"), Map("b", "a"), Map("a", "a"), Map("f") };
        string Render(IEnumerable<(string, byte[])> input)
        {
            var plan = Plan(input.ToArray());
            AssertValid(plan);
            var text = new StringWriter();
            PlanTextWriter.Write(plan, text);
            return text + PlanDotWriter.Write(plan) + PlanMermaidWriter.Write(plan) + PlanJsonWriter.Write(plan);
        }

        string expected = Render(maps);
        var random = new Random(42);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(expected, Render(maps.OrderBy(_ => random.Next())));
        }
    }

    [Fact]
    public void RandomGraphsAlwaysGiveValidPlans()
    {
        var random = new Random(7);
        for (int round = 0; round < 30; round++)
        {
            int n = random.Next(2, 25);
            var maps = Enumerable.Range(0, n)
                .Select(i => Map("t" + i, Enumerable.Range(0, random.Next(0, 4)).Select(_ => "t" + random.Next(n)).Distinct().ToArray()))
                .ToArray();
            AssertValid(Plan(maps));
        }
    }
}
