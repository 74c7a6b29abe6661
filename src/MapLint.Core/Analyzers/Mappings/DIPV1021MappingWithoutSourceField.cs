using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Mappings;

/// <summary>
/// DIPV1021: a mapping has no source field. Allowed only for a one-way mapping into the destination whose
/// transform supplies a default value (a constant).
/// </summary>
public sealed class DIPV1021MappingWithoutSourceField : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1021",
        "Mapping has no source field",
        "Mapping {0} has no source field; add 'source', or make it '>>' with a transform 'defaultValue' to write a constant.",
        RuleCategory.Mapping);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFieldMappingAction(context =>
    {
        var mapping = context.FieldMapping;
        bool constant = !mapping.Direction.FlowsToSource() && mapping.Transform?.HasDefault == true;
        if (mapping.Source is null && !constant)
        {
            context.Report(Descriptor, mapping.Anchor, mapping.Path, mapping.Display);
        }
    });
}
