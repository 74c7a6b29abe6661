using MapLint.Analysis;
using MapLint.BusinessCentral;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>
/// DIPV2507: an option mapping (its integration table UID field is an Option or Enum, as PAYMENT TERMS maps
/// to the account's payment terms option) set or mapped Bidirectional. Tables 5335 and 5336 refuse it
/// (OptionMappingCannotBeBidirectionalErr): option values synchronize one way only.
/// </summary>
public sealed class DIPV2507OptionMappingBidirectional : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2507",
        "Option mapping synchronizes both ways",
        "Mapping '{0}' is an option mapping (its UID field '{1}' is {2}) and {3} is Bidirectional, but option mappings synchronize one way only; use ToIntegrationTable or FromIntegrationTable.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var mapping in context.App.TableMappings)
        {
            if (context.App.Resolve(mapping.UidField) is not { Field.Type.IsOption: true } uid)
            {
                continue;
            }

            if (mapping.Direction is { Value: SyncDirection.Bidirectional } table)
            {
                context.Report(Descriptor, table.Location, mapping.Name.Value, uid.Field.Name.Text, uid.Field.Type, "its direction");
            }

            foreach (var field in mapping.FieldMappings)
            {
                if (field.Direction is { Value: SyncDirection.Bidirectional } direction)
                {
                    context.Report(Descriptor, direction.Location, mapping.Name.Value, uid.Field.Name.Text, uid.Field.Type, "this field mapping");
                }
            }
        }
    });
}
