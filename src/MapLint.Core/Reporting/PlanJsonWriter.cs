using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MapLint.Semantics;
using MapLint.Planning;

namespace MapLint.Reporting;

/// <summary>The initial-sync plan for machines: waves, dependencies, deferred lookups and the second pass.</summary>
public static class PlanJsonWriter
{
    public static string Write(SyncPlan plan, CouplingPlan? businessCentral = null) =>
        Write([new DeploymentPlan(null, plan)], businessCentral);

    /// <summary>
    /// One deployment: its plan's properties at the top level. Several: <c>deployments</c>, each with its name
    /// (<c>deployment</c>) and its plan's properties.
    /// </summary>
    public static string Write(IReadOnlyList<DeploymentPlan> plans, CouplingPlan? businessCentral = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", 1);
            if (plans.Count == 1)
            {
                WritePlan(plans[0].Plan, json);
            }
            else
            {
                json.WriteStartArray("deployments");
                foreach (var deployment in plans)
                {
                    json.WriteStartObject();
                    json.WriteString("deployment", deployment.DisplayName);
                    WritePlan(deployment.Plan, json);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            if (businessCentral is not null)
            {
                CouplingPlanWriter.WriteJsonProperty(businessCentral, json);
            }

            json.WriteEndObject();
        }

        return OutputText.Json(Encoding.UTF8.GetString(stream.ToArray())) + "\n";
    }

    private static void WritePlan(SyncPlan plan, Utf8JsonWriter json)
    {
        json.WriteStartArray("waves");
        foreach (var wave in plan.Waves)
        {
            json.WriteStartObject();
            json.WriteNumber("wave", wave.Number);
            json.WriteStartArray("maps");
            foreach (var planned in wave.Maps)
            {
                json.WriteStartObject();
                json.WriteString("name", Secrets.Credentials.Redact(planned.Map.Name));
                json.WriteString("file", planned.Map.File.DisplayPath);
                json.WriteStartArray("dependsOn");
                foreach (var dependency in plan.Graph.DependenciesOf(planned.Map).OrderBy(d => d.DependsOn.Name, StringComparer.Ordinal).ThenBy(d => d.Lookup.Text, StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("map", Secrets.Credentials.Redact(dependency.DependsOn.Name));
                    json.WriteString("lookup", dependency.Lookup.Text);
                    json.WriteString("table", dependency.TargetTable);
                    json.WriteBoolean("deferred", planned.Deferred.Any(d => ReferenceEquals(d.Lookup, dependency.Lookup)));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("deferredLookups");
                foreach (var deferred in planned.Deferred)
                {
                    json.WriteStartObject();
                    json.WriteString("lookup", deferred.Lookup.Text);
                    json.WriteString("reason", deferred.SelfReference ? "selfReference" : "cycle");
                    json.WriteString("target", Secrets.Credentials.Redact(deferred.Dependency.DependsOn.Name));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("secondPass");
        foreach (var planned in plan.SecondPass)
        {
            json.WriteStartObject();
            json.WriteString("name", Secrets.Credentials.Redact(planned.Map.Name));
            json.WriteStartArray("restores");
            foreach (var deferred in planned.Deferred)
            {
                json.WriteStringValue(deferred.Lookup.Text);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unresolvedLookups");
        foreach (var unresolved in plan.Graph.UnresolvedLookups)
        {
            json.WriteStartObject();
            json.WriteString("map", unresolved.Map.Name);
            json.WriteString("file", unresolved.Map.File.DisplayPath);
            json.WriteString("lookup", unresolved.Lookup.Text);
            json.WriteString("metadataNeeded", unresolved.MetadataNeeded);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
