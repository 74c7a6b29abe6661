using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>DIPV2512: a field mapping between a Business Central field and a proxy field whose types do not convert.</summary>
public sealed class DIPV2512FieldTypeMismatch : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2512",
        "Field types do not convert",
        "Field '{0}' ({1}) of '{2}' is mapped to '{3}' ({4}) of '{5}', and the synchronization cannot convert between these types; map fields of compatible types.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var (_, _, _, fields) in BusinessCentralChecks.Groups(context.App))
        {
            foreach (var field in fields)
            {
                if (context.App.Resolve(field.Field) is { } bc && context.App.Resolve(field.IntegrationField) is { } proxy && !BusinessCentralChecks.Convertible(bc.Field, proxy.Field))
                {
                    context.Report(Descriptor, field.Field!.Location, bc.Field.Name.Text, bc.Field.Type, field.Field.Table, proxy.Field.Name.Text, proxy.Field.Type, field.IntegrationField!.Table);
                }
            }
        }
    });
}
