using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1027: a destination lookup is not mapped through the referenced table's integration key.</summary>
public sealed class DIPV1027DestinationLookupWithoutKey : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1027", "Destination lookup is mapped without its key", "{0}", RuleCategory.IntegrationKey, metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterFieldMappingAction(context => LookupKey.Check(context, context.FieldMapping.Destination, Descriptor));
}
