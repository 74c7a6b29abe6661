using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1020: metadata exists for the destination app but not for the destination entity.</summary>
public sealed class DIPV1020MissingDestinationSchema : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1020",
        "Destination schema is missing",
        "The {0} metadata has no entity '{1}', the destination of this map; fix the name or add the entity's metadata.{2}",
        RuleCategory.Schema,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterTableMapAction(context => MissingSchema.Check(context, context.TableMap.Destination, Descriptor));
}
