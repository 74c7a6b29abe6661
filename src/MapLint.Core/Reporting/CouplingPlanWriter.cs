using System.Globalization;
using System.Text.Json;
using MapLint.BusinessCentral;
using MapLint.Planning;

namespace MapLint.Reporting;

/// <summary>The Business Central coupling plan, as text for people and as a JSON property for machines.</summary>
public static class CouplingPlanWriter
{
    public static void WriteText(CouplingPlan plan, TextWriter writer)
    {
        int mappings = plan.Graph.Mappings.Count;
        writer.Write($"Business Central coupling plan for {Count(mappings, "integration table mapping")}: {Count(plan.Waves.Count, "wave")}.\n");
        if (plan.BasePrerequisites.Count > 0)
        {
            writer.Write($"First the base application's default mappings they depend on: {string.Join(", ", plan.BasePrerequisites)}.\n");
        }

        writer.Write("Mappings in one wave do not depend on each other and can be coupled together; run the waves in order.\n");
        foreach (var wave in plan.Waves)
        {
            writer.Write($"\nWave {wave.Number.ToString(CultureInfo.InvariantCulture)}\n");
            foreach (var mapping in wave.Mappings)
            {
                writer.Write($"  {mapping.Name.Value}  ({Where(mapping.Name.Location)})\n");
                var after = plan.DependenciesOf(mapping).Select(Describe).ToList();
                if (after.Count > 0)
                {
                    writer.Write($"      after: {string.Join(", ", after)}\n");
                }
            }
        }

        if (plan.Cycles.Count > 0)
        {
            writer.Write("\nCycles: these mappings wait for each other and have no coupling order; break each cycle (see DIPV2504)\n");
            foreach (var cycle in plan.Cycles)
            {
                writer.Write($"  {string.Join(", ", cycle.Select(m => m.Name.Value))}\n");
            }
        }
    }

    /// <summary>The plan as the value of a property <c>businessCentral</c> of an open JSON object.</summary>
    public static void WriteJsonProperty(CouplingPlan plan, Utf8JsonWriter json)
    {
        json.WriteStartObject("businessCentral");
        json.WriteStartArray("basePrerequisites");
        foreach (var name in plan.BasePrerequisites)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteStartArray("waves");
        foreach (var wave in plan.Waves)
        {
            json.WriteStartObject();
            json.WriteNumber("wave", wave.Number);
            json.WriteStartArray("mappings");
            foreach (var mapping in wave.Mappings)
            {
                json.WriteStartObject();
                json.WriteString("name", mapping.Name.Value);
                json.WriteString("file", mapping.Name.Location.File.Path);
                json.WriteStartArray("dependsOn");
                foreach (var dependency in plan.DependenciesOf(mapping))
                {
                    json.WriteStartObject();
                    json.WriteString("mapping", dependency.To.ToUpperInvariant());
                    json.WriteString("reason", dependency.Reason == CouplingReason.DependencyFilter ? "dependencyFilter" : "tableRelation");
                    json.WriteBoolean("baseApplication", dependency.Target is null);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("cycles");
        foreach (var cycle in plan.Cycles)
        {
            json.WriteStartArray();
            foreach (var mapping in cycle)
            {
                json.WriteStringValue(mapping.Name.Value);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Describe(CouplingDependency dependency)
    {
        string name = dependency.Target?.Name.Value ?? dependency.To.ToUpperInvariant();
        string reason = dependency.Reason == CouplingReason.DependencyFilter ? "Dependency Filter" : "table relation, not in the Dependency Filter";
        return dependency.Target is null ? $"{name} (base application; {reason})" : $"{name} ({reason})";
    }

    private static string Where(AlLocation location)
    {
        var position = location.File.Text.GetLinePosition(location.Span.Start);
        return $"{location.File.Path}({position.Line.ToString(CultureInfo.InvariantCulture)},{position.Column.ToString(CultureInfo.InvariantCulture)})";
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
