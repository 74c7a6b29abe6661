using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1022: a mapping's source field is not in the source entity's metadata.</summary>
public sealed class DIPV1022SourceFieldNotInSchema : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1022", "Source field is not in the schema", "{0}", RuleCategory.Schema, metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterFieldMappingAction(context => UnknownField.Check(context, context.FieldMapping.Source, Descriptor));
}
