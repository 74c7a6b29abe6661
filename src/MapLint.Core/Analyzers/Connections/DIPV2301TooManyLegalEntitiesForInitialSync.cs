using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Connections;

/// <summary>
/// DIPV2301: the connection set links more legal entities than dual-write's initial sync supports (40). The service
/// refuses to start the maps ("Exceeds the maximum partitions allowed for mapping") only when they are run. Over
/// 250, DIPV2302 reports the set instead.
/// </summary>
public sealed class DIPV2301TooManyLegalEntitiesForInitialSync : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2301",
        "More legal entities than initial sync supports",
        "Connection set '{0}' links {1} legal entities, but dual-write's initial sync supports at most {2}; '{3}' is the first over the limit. Start the maps with at most {2} legal entities (skip initial sync for the others, or add them later from Environment details).",
        RuleCategory.Organization);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterConnectionSetAction(context => LegalEntityLimits.Check(context, Descriptor, LegalEntityLimits.InitialSync, upTo: LegalEntityLimits.LiveSync));
}
