using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.Sync;

/// <summary>DIPV2106: a virtual (computed) finance and operations field is mapped; its changes are not tracked.</summary>
public sealed class DIPV2106VirtualFieldMapped : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2106",
        "Virtual finance and operations field is mapped",
        "'{0}' is a virtual field of '{1}': changes to it are not tracked, so live sync misses them. Map the stored field it is computed from.",
        RuleCategory.Sync,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFieldMappingAction(context =>
    {
        foreach (var field in new[] { context.FieldMapping.Source, context.FieldMapping.Destination })
        {
            if (field is { Side.IsFinanceAndOperations: true } && context.Model.Resolve(field) is { Column.Virtual: true } resolved)
            {
                context.Report(Descriptor, field, field.Column, resolved.Entity!.Name);
            }
        }
    });
}
