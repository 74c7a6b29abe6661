using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Sync;

/// <summary>
/// DIPV2200: a lookup points back at the table its own map writes (Vendors V2's invoice vendor account). The
/// first initial-sync pass cannot resolve it; the field has to be filled in a second pass.
/// </summary>
public sealed class DIPV2200SelfReferencingLookup : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2200",
        "Self-referencing lookup needs a second initial-sync pass",
        "Lookup '{0}' points to '{1}', the table map '{2}' itself writes: records can reference rows the first initial-sync pass has not written yet. Run the initial sync twice, or leave '{0}' out of the first pass and add it after (see `maplint plan`).",
        RuleCategory.Sync);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override bool RequiresAllMaps => true;

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        foreach (var self in context.Model.SyncGraph.SelfReferencesOf(context.TableMap))
        {
            context.Report(Descriptor, self.Lookup, AnalysisContext.Properties(("deferredField", self.Lookup.Text)), self.Lookup.Text, self.TargetTable, context.TableMap.Name);
        }
    });
}
