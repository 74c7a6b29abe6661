using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Sync;

/// <summary>
/// DIPV2201: maps look each other up in a cycle (contacts ↔ customers), so no initial-sync order exists. Reported
/// at the lookup MapLint defers to break the cycle, naming every map and lookup on it.
/// </summary>
public sealed class DIPV2201LookupCycle : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2201",
        "Maps look each other up in a cycle",
        "Maps look each other up in a cycle: {0}. No initial-sync order exists; defer '{1}' of '{2}' to a second pass (see `maplint plan`).",
        RuleCategory.Sync);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override bool RequiresAllMaps => true;

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var graph = context.Model.SyncGraph;
        foreach (var deferred in graph.DeferredDependencies.Where(d => ReferenceEquals(d.Map, context.TableMap)))
        {
            string cycle = string.Join(", ", graph.CycleOf[deferred].Select(d => $"'{d.Map.Name}'.{d.Lookup.Text} → '{d.DependsOn.Name}'"));
            context.Report(Descriptor, deferred.Lookup, AnalysisContext.Properties(("deferredField", deferred.Lookup.Text)), cycle, deferred.Lookup.Text, deferred.Map.Name);
        }
    });
}
