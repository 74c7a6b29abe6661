using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Planning;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>DIPV2504: Dependency Filters form a cycle, so no mapping of the cycle can be coupled first.</summary>
public sealed class DIPV2504DependencyFilterCycle : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2504",
        "Dependency Filters form a cycle",
        "Dependency Filters form a cycle: {0}; each waits for the next to be coupled, so none can be. Remove '{1}' from the Dependency Filter of mapping '{2}' (and couple its field with Clear Value on Failed Sync if it still needs the other record).",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        var graph = CouplingGraph.Build(context.App);
        foreach (var cycle in graph.Cycles(d => d.Reason == CouplingReason.DependencyFilter))
        {
            // Reported once, on the first mapping of the cycle (by name), at its filter naming the next one.
            var first = cycle[0];
            var edge = graph.Dependencies.First(d => d.From == first && d.Reason == CouplingReason.DependencyFilter && d.Target is { } t && cycle.Contains(t));
            var path = new List<string> { first.Name.Value };
            var current = edge.Target!;
            while (current != first && path.Count <= cycle.Count)
            {
                path.Add(current.Name.Value);
                current = graph.Dependencies.First(d => d.From == current && d.Reason == CouplingReason.DependencyFilter && d.Target is { } t && cycle.Contains(t)).Target!;
            }

            path.Add(first.Name.Value);
            context.Report(Descriptor, edge.Location, string.Join(" → ", path.Select(p => "'" + p + "'")), edge.To, first.Name.Value);
        }
    });
}
