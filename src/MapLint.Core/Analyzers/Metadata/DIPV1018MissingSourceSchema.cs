using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1018: metadata exists for the source app but not for the source entity.</summary>
public sealed class DIPV1018MissingSourceSchema : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1018",
        "Source schema is missing",
        "The {0} metadata has no entity '{1}', the source of this map; fix the name or add the entity's metadata.{2}",
        RuleCategory.Schema,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterTableMapAction(context => MissingSchema.Check(context, context.TableMap.Source, Descriptor));
}
