using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>
/// DIPV2506: a table mapping's direction that none of its enabled field mappings has. Table 5335 refuses such
/// a direction when it is validated (DirectionFieldsErr in IntegrationTableMapping.Table.al: with enabled field
/// mappings, at least one must have the table's direction).
/// </summary>
public sealed class DIPV2506NoFieldMappingInTableDirection : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2506",
        "No enabled field mapping in the table mapping's direction",
        "Table mapping '{0}' synchronizes {1}, but none of its {2} enabled field mappings has that direction, so Business Central refuses the direction; give at least one field mapping the direction {1}, or change the table mapping's.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var mapping in context.App.TableMappings)
        {
            var enabled = mapping.FieldMappings.Where(f => f.Enabled).ToList();
            if (mapping.Direction is not { } direction || enabled.Count == 0 || enabled.Any(f => f.Direction is null))
            {
                continue;
            }

            if (!enabled.Any(f => f.Direction!.Value.Value == direction.Value))
            {
                context.Report(Descriptor, direction.Location, mapping.Name.Value, direction.Value, enabled.Count);
            }
        }
    });
}
