using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Connections;

/// <summary>DIPV2302: the connection set links more legal entities than dual-write's live sync supports (250).</summary>
public sealed class DIPV2302TooManyLegalEntitiesForLiveSync : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2302",
        "More legal entities than live sync supports",
        "Connection set '{0}' links {1} legal entities, but dual-write's live sync supports at most {2}; '{3}' is the first over the limit. Split the legal entities over environments, or link only those whose data must sync.",
        RuleCategory.Organization);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterConnectionSetAction(context => LegalEntityLimits.Check(context, Descriptor, LegalEntityLimits.LiveSync));
}
