using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1011: a mapping writes into a read-only field.</summary>
public sealed class DIPV1011ReadOnlyFieldMapped : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1011",
        "Read-only field is written",
        "Field '{0}' of '{1}' is read-only, but mapping '{2}' writes into it; make the mapping one way out of it ('{3}') or map another field.",
        RuleCategory.Mapping,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFieldMappingAction(context =>
    {
        var mapping = context.FieldMapping;
        foreach (var role in new[] { MapSideRole.Destination, MapSideRole.Source })
        {
            if (mapping.Direction.FlowsInto(role) && mapping.GetField(role) is { } field && context.Model.Resolve(field) is { Column.ReadOnly: true } resolved)
            {
                string oneWay = role == MapSideRole.Destination ? "<" : ">";
                context.Report(Descriptor, field, AnalysisContext.Properties(("direction", oneWay)), field.Column, resolved.Entity!.Name, mapping.Display, oneWay);
            }
        }
    });
}
