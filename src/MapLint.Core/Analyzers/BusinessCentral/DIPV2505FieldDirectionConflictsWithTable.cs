using MapLint.Analysis;
using MapLint.BusinessCentral;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>
/// DIPV2505: a field mapping synchronizes one way and its table mapping only the other way, so the field never
/// synchronizes.
/// </summary>
public sealed class DIPV2505FieldDirectionConflictsWithTable : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2505",
        "Field mapping direction conflicts with its table mapping",
        "This field mapping synchronizes {0} but table mapping '{1}' synchronizes {2} only, so the field never synchronizes; give it the direction {2} or Bidirectional.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var mapping in context.App.TableMappings)
        {
            if (mapping.Direction is not { Value: not SyncDirection.Bidirectional } table)
            {
                continue;
            }

            foreach (var field in mapping.FieldMappings)
            {
                if (field.Direction is { Value: not SyncDirection.Bidirectional } direction && direction.Value != table.Value)
                {
                    context.Report(Descriptor, direction.Location, direction.Value, mapping.Name.Value, table.Value);
                }
            }
        }
    });
}
