using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>DIPV1019: the Dataverse table has no versionnumber column (virtual and elastic tables), so changes cannot be tracked.</summary>
public sealed class DIPV1019NoVersionNumber : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1019",
        "Table has no versionnumber",
        "Dataverse table '{0}' is {1} and has no versionnumber column, which dual-write needs to track changes; map a standard table instead.",
        RuleCategory.Schema,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        foreach (var side in new[] { context.TableMap.Source, context.TableMap.Destination })
        {
            if (side.IsDataverse && context.Model.GetEntity(side) is { } entity && (entity.TableType != TableType.Standard || !entity.HasVersionNumber))
            {
                string what = entity.TableType switch
                {
                    TableType.Virtual => "a virtual table",
                    TableType.Elastic => "an elastic table",
                    _ => "declared without versionnumber",
                };
                context.Report(Descriptor, side.EntitySpan, $"$.{side.RoleName}.entity", entity.Name, what);
            }
        }
    });
}
