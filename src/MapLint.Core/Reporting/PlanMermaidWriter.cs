using System.Globalization;
using System.Text;
using MapLint.Semantics;
using MapLint.Planning;

namespace MapLint.Reporting;

/// <summary>Mermaid flowchart (renders in GitHub and Azure DevOps markdown): waves as subgraphs, deferred links red and dotted.</summary>
public static class PlanMermaidWriter
{
    public static string Write(SyncPlan plan)
    {
        var ids = PlanGraphEdges.Ids(plan);
        var text = new StringBuilder("flowchart LR\n");
        foreach (var wave in plan.Waves)
        {
            string n = wave.Number.ToString(CultureInfo.InvariantCulture);
            text.Append($"  subgraph wave{n}[\"Wave {n}\"]\n");
            foreach (var planned in wave.Maps)
            {
                text.Append($"    m{ids[planned.Map].ToString(CultureInfo.InvariantCulture)}[\"{Escape(planned.Map.Name)}\"]\n");
            }

            text.Append("  end\n");
        }

        var deferredLinks = new List<int>();
        var edges = PlanGraphEdges.Of(plan, ids);
        for (int i = 0; i < edges.Count; i++)
        {
            var edge = edges[i];
            string arrow = edge.Deferred ? "-.->" : "-->";
            text.Append($"  m{edge.From.ToString(CultureInfo.InvariantCulture)} {arrow}|\"{Escape(edge.Label.Replace("\n", ", "))}\"| m{edge.To.ToString(CultureInfo.InvariantCulture)}\n");
            if (edge.Deferred)
            {
                deferredLinks.Add(i);
            }
        }

        if (deferredLinks.Count > 0)
        {
            text.Append($"  linkStyle {string.Join(",", deferredLinks.Select(i => i.ToString(CultureInfo.InvariantCulture)))} stroke:#c0392b,color:#c0392b\n");
        }

        var deferredMaps = plan.SecondPass.Select(p => "m" + ids[p.Map].ToString(CultureInfo.InvariantCulture)).ToList();
        if (deferredMaps.Count > 0)
        {
            text.Append("  classDef deferred fill:#fdecea,stroke:#c0392b\n");
            text.Append($"  class {string.Join(",", deferredMaps)} deferred\n");
        }

        return text.ToString();
    }

    private static string Escape(string text) => OutputText.Line(Secrets.Credentials.Redact(text)).Replace("\"", "#quot;");
}
