using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1031: a required field is fed from an optional one with no default value to fall back on.</summary>
public sealed class DIPV1031MandatoryFieldWithoutDefault : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV1031",
        "Mandatory field has no default value",
        "Required field '{0}' is fed from optional field '{1}' with no default value; records where '{1}' is empty will be rejected. Add a transform with a 'defaultValue'.",
        RuleCategory.Mapping,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFieldMappingAction(context =>
    {
        var mapping = context.FieldMapping;
        if (mapping.Source is null || mapping.Destination is null || mapping.Transform?.HasDefault == true)
        {
            return;
        }

        var source = context.Model.Resolve(mapping.Source).Column;
        var destination = context.Model.Resolve(mapping.Destination).Column;
        if (source is null || destination is null)
        {
            return;
        }

        if (mapping.Direction.FlowsToDestination() && destination.Required && !source.Required && !destination.ReadOnly)
        {
            context.Report(Descriptor, mapping.Destination, mapping.Destination.Column, mapping.Source.Column);
        }
        else if (mapping.Direction.FlowsToSource() && source.Required && !destination.Required && !source.ReadOnly)
        {
            context.Report(Descriptor, mapping.Source, mapping.Source.Column, mapping.Destination.Column);
        }
    });
}
