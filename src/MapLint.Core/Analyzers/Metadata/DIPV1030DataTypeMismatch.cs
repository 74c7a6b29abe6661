using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1030: the two fields of a mapping have types the value cannot flow between without loss or failure.</summary>
public sealed class DIPV1030DataTypeMismatch : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1030",
        "Data type mismatch",
        "'{0}' ({1}) to '{2}' ({3}): {4}. Map fields of matching types, or add a transform.",
        RuleCategory.DataType,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFieldMappingAction(context =>
    {
        var mapping = context.FieldMapping;
        if (mapping.Source is null || mapping.Destination is null)
        {
            return;
        }

        var source = context.Model.Resolve(mapping.Source);
        var destination = context.Model.Resolve(mapping.Destination);
        if (source.ValueField is not { } s || destination.ValueField is not { } d)
        {
            return;
        }

        // '><', '>>' and '<<' say the map converts the value: the published templates write them without listing the
        // value map, so the type says a transform exists whether or not the file spells it out.
        bool hasValueMap = mapping.Transform?.ValueMap is not null
            || mapping.Direction is MapDirection.BidirectionalWithTransform or MapDirection.ToDestinationWithTransform or MapDirection.ToSourceWithTransform;
        if (mapping.Direction.FlowsToDestination() && TypeCompatibility.Check(s, d, hasValueMap) is { } reason)
        {
            context.Report(Descriptor, mapping.Destination, mapping.Source.Text, s.TypeName, mapping.Destination.Text, d.TypeName, reason);
        }
        else if (mapping.Direction.FlowsToSource() && TypeCompatibility.Check(d, s, hasValueMap) is { } back)
        {
            context.Report(Descriptor, mapping.Source, mapping.Destination.Text, d.TypeName, mapping.Source.Text, s.TypeName, back);
        }
    });
}
