using MapLint.Analysis;
using MapLint.BusinessCentral;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>
/// DIPV2513: text flows from a longer field into a shorter one (Code[20] filled from a 100-character column
/// synchronizing back): a longer value fails the record or is cut.
/// </summary>
public sealed class DIPV2513FieldLengthMismatch : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2513",
        "Text synchronizes into a shorter field",
        "'{0}' ({1}) is filled from '{2}' ({3}) when this mapping synchronizes {4}; values longer than {5} characters fail or are cut. Make the lengths match, or map it only the other way.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var (_, _, _, fields) in BusinessCentralChecks.Groups(context.App))
        {
            foreach (var field in fields)
            {
                if (field.Direction is not { } direction || context.App.Resolve(field.Field) is not { Field.Type.IsText: true } bc || context.App.Resolve(field.IntegrationField) is not { Field.Type.IsText: true } proxy)
                {
                    continue;
                }

                // Text without a length is unlimited.
                int bcLength = bc.Field.Type.Length ?? int.MaxValue, proxyLength = proxy.Field.Type.Length ?? int.MaxValue;
                if (BusinessCentralChecks.FlowsFromIntegrationTable(direction.Value) && proxyLength > bcLength)
                {
                    context.Report(Descriptor, field.Field!.Location, bc.Field.Name.Text, bc.Field.Type, proxy.Field.Name.Text, proxy.Field.Type, SyncDirection.FromIntegrationTable, bcLength);
                }
                else if (BusinessCentralChecks.FlowsToIntegrationTable(direction.Value) && bcLength > proxyLength)
                {
                    context.Report(Descriptor, field.IntegrationField!.Location, proxy.Field.Name.Text, proxy.Field.Type, bc.Field.Name.Text, bc.Field.Type, SyncDirection.ToIntegrationTable, proxyLength);
                }
            }
        }
    });
}
