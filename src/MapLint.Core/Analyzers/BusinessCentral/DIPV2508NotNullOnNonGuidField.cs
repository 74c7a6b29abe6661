using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>DIPV2508: Not Null on a field mapping whose integration field is not a GUID (NotNullIsApplicableForGUIDErr of table 5336).</summary>
public sealed class DIPV2508NotNullOnNonGuidField : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2508",
        "Not Null on a field that is not a GUID",
        "Not Null applies to GUID fields only (such as OwnerId), but integration field '{0}' of '{1}' is {2}; remove Not Null from this field mapping.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var (_, _, _, fields) in BusinessCentralChecks.Groups(context.App))
        {
            foreach (var field in fields)
            {
                if (field.NotNull is { } notNull && context.App.Resolve(field.IntegrationField) is { } target && !target.Field.Type.IsGuid)
                {
                    context.Report(Descriptor, notNull, target.Field.Name.Text, field.IntegrationField!.Table, target.Field.Type);
                }
            }
        }
    });
}
