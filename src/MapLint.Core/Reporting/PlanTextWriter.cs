using System.Globalization;
using MapLint.Semantics;
using MapLint.Planning;

namespace MapLint.Reporting;

/// <summary>The initial-sync plan as a consultant reads it: numbered waves, what each map waits for, the second pass.</summary>
public static class PlanTextWriter
{
    /// <summary>One plan; for several deployments, one after the other, each under its name.</summary>
    public static void Write(IReadOnlyList<DeploymentPlan> plans, TextWriter writer)
    {
        if (plans.Count == 1)
        {
            Write(plans[0].Plan, writer);
            return;
        }

        writer.Write($"The maps belong to {Count(plans.Count, "deployment")} (the MapLint documents, and each Web API export folder, solution and project of the service's records); each is planned on its own: run a deployment's plan in its own environment.\n");
        foreach (var deployment in plans)
        {
            writer.Write("\n" + OutputText.WholeLine($"Deployment {deployment.DisplayName}") + "\n");
            Write(deployment.Plan, writer);
        }
    }

    public static void Write(SyncPlan plan, TextWriter writer)
    {
        int maps = plan.Graph.Maps.Count;
        string second = plan.SecondPass.Count == 0 ? "no second pass" : $"then a second pass for {Count(plan.SecondPass.Count, "map")}";
        writer.Write($"Initial-sync plan for {Count(maps, "map")}: {Count(plan.Waves.Count, "wave")}, {second}.\n");
        writer.Write("Maps in one wave do not depend on each other and can run together; run the waves in order.\n");
        foreach (var wave in plan.Waves)
        {
            writer.Write($"\nWave {wave.Number.ToString(CultureInfo.InvariantCulture)}\n");
            foreach (var planned in wave.Maps)
            {
                writer.Write(OutputText.WholeLine($"  {planned.Map.Name}  ({planned.Map.File.DisplayPath})") + "\n");
                var after = plan.Graph.DependenciesOf(planned.Map)
                    .Where(d => !planned.Deferred.Any(x => ReferenceEquals(x.Lookup, d.Lookup)))
                    .Select(d => d.DependsOn.Name)
                    .Distinct()
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (after.Count > 0)
                {
                    writer.Write(OutputText.Line($"      after: {string.Join(", ", after)}") + "\n");
                }

                if (planned.Deferred.Count > 0)
                {
                    writer.Write(OutputText.Line($"      first pass without: {string.Join(", ", planned.Deferred.Select(Describe))}") + "\n");
                }
            }
        }

        if (plan.SecondPass.Count > 0)
        {
            writer.Write("\nSecond pass: run these maps again to fill the lookups left out above\n");
            foreach (var planned in plan.SecondPass)
            {
                writer.Write(OutputText.Line($"  {planned.Map.Name}: {string.Join(", ", planned.Deferred.Select(d => d.Lookup.Text))}") + "\n");
            }
        }

        if (plan.Graph.UnresolvedLookups.Count > 0)
        {
            // Said, not dropped: the plan cannot order what it cannot resolve.
            writer.Write($"\nUnresolved lookups: {Count(plan.Graph.UnresolvedLookups.Count, "lookup")} whose target table is not known, so the order above does not account for them. Add the metadata named to resolve each.\n");
            foreach (var unresolved in plan.Graph.UnresolvedLookups)
            {
                writer.Write($"  {unresolved.Map.Name}: {unresolved.Lookup.Text} (needs {unresolved.MetadataNeeded})\n");
            }
        }
    }

    private static string Describe(DeferredLookup deferred) =>
        deferred.SelfReference
            ? $"{deferred.Lookup.Text} (self-reference)"
            : $"{deferred.Lookup.Text} (cycle with {deferred.Dependency.DependsOn.Name})";

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
