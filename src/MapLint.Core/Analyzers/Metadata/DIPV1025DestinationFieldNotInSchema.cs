using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1025: a mapping's destination field is not in the destination entity's metadata.</summary>
public sealed class DIPV1025DestinationFieldNotInSchema : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1025", "Destination field is not in the schema", "{0}", RuleCategory.Schema, metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterFieldMappingAction(context => UnknownField.Check(context, context.FieldMapping.Destination, Descriptor));
}
