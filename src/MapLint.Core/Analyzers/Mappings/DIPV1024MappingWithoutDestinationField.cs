using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Mappings;

/// <summary>
/// DIPV1024: a mapping has no destination field. Allowed only for a one-way mapping into the source whose
/// transform supplies a default value.
/// </summary>
public sealed class DIPV1024MappingWithoutDestinationField : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1024",
        "Mapping has no destination field",
        "Mapping {0} has no destination field; add 'destination', or make it '<<' with a transform 'defaultValue' to write a constant.",
        RuleCategory.Mapping);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFieldMappingAction(context =>
    {
        var mapping = context.FieldMapping;
        bool constant = !mapping.Direction.FlowsToDestination() && mapping.Transform?.HasDefault == true;
        if (mapping.Destination is null && !constant)
        {
            context.Report(Descriptor, mapping.Anchor, mapping.Path, mapping.Display);
        }
    });
}
