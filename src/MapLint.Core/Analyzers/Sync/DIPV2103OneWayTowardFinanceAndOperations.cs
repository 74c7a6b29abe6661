using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Sync;

/// <summary>DIPV2103: every mapping flows into finance and operations, so live sync never carries changes out of it.</summary>
public sealed class DIPV2103OneWayTowardFinanceAndOperations : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2103",
        "Every mapping is one way toward finance and operations",
        "Every mapping of '{0}' writes into finance and operations and none reads from it, so changes made there are never synced; make the key mappings '=' or add a mapping out of finance and operations.",
        RuleCategory.Sync);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        var map = context.TableMap;
        if (map.FinanceAndOperationsSide is not { } fo || map.Mappings.Count == 0)
        {
            return;
        }

        if (map.Mappings.All(m => m.Direction.FlowsInto(fo.Role) && !m.Direction.FlowsInto(fo.Other.Role)))
        {
            context.Report(Descriptor, map.Anchor, "$.name", map.Name);
        }
    });
}
