using System.Globalization;
using System.Text;
using MapLint.Semantics;
using MapLint.Planning;

namespace MapLint.Reporting;

/// <summary>Graphviz DOT: one cluster per wave, arrows from a dependency to the maps that need it, deferred arrows red and dashed.</summary>
public static class PlanDotWriter
{
    public static string Write(SyncPlan plan)
    {
        var ids = PlanGraphEdges.Ids(plan);
        var dot = new StringBuilder();
        dot.Append("digraph initial_sync {\n");
        dot.Append("  rankdir=LR;\n");
        dot.Append("  graph [fontname=\"Helvetica\", fontsize=11, nodesep=0.25, ranksep=0.9];\n");
        dot.Append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3f8\", color=\"#5b7fa6\", fontname=\"Helvetica\", fontsize=10];\n");
        dot.Append("  edge [color=\"#7a8794\", fontname=\"Helvetica\", fontsize=8, fontcolor=\"#55606b\"];\n");
        foreach (var wave in plan.Waves)
        {
            string n = wave.Number.ToString(CultureInfo.InvariantCulture);
            dot.Append($"  subgraph cluster_wave{n} {{\n    label=\"Wave {n}\";\n    style=dashed;\n    color=\"#9aa5b1\";\n");
            foreach (var planned in wave.Maps)
            {
                string fill = planned.Deferred.Count > 0 ? ", fillcolor=\"#fdecea\", color=\"#c0392b\"" : string.Empty;
                dot.Append($"    m{ids[planned.Map].ToString(CultureInfo.InvariantCulture)} [label=\"{Escape(planned.Map.Name)}\"{fill}];\n");
            }

            dot.Append("  }\n");
        }

        foreach (var edge in PlanGraphEdges.Of(plan, ids))
        {
            string style = edge.Deferred ? ", color=\"#c0392b\", fontcolor=\"#c0392b\", style=dashed, penwidth=1.5, constraint=false" : string.Empty;
            dot.Append($"  m{edge.From.ToString(CultureInfo.InvariantCulture)} -> m{edge.To.ToString(CultureInfo.InvariantCulture)} [label=\"{Escape(edge.Label)}\"{style}];\n");
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    // DOT's own quoting (\\ and \"), and a label line break as DOT's \n; other controls through the shared escaping.
    private static string Escape(string text) =>
        OutputText.Line(Secrets.Credentials.Redact(text).Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\u0001")).Replace("\\u0001", "\\n");
}
