using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Sync;

/// <summary>DIPV2202: a lookup targets a table that no map of the workspace synchronizes, so it stays empty.</summary>
public sealed class DIPV2202LookupToUncoupledTable : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2202",
        "Lookup to a table no map synchronizes",
        "Lookup '{0}' points to '{1}', which no map in the checked paths synchronizes: records fail to couple until it does. Add and run the map for '{1}' first.",
        RuleCategory.Sync,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override bool RequiresAllMaps => true;

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        foreach (var lookup in context.Model.SyncGraph.UncoupledLookupsOf(context.TableMap))
        {
            context.Report(Descriptor, lookup.Lookup, lookup.Lookup.Text, lookup.TargetTable);
        }
    });
}
