using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1028: a source lookup is not mapped through the referenced table's integration key.</summary>
public sealed class DIPV1028SourceLookupWithoutKey : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1028", "Source lookup is mapped without its key", "{0}", RuleCategory.IntegrationKey, metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterFieldMappingAction(context => LookupKey.Check(context, context.FieldMapping.Source, Descriptor));
}
