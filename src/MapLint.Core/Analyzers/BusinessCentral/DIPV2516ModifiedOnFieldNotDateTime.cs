using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>DIPV2516: the modified-on field of a mapping is not a DateTime, so the synchronization cannot tell which rows changed.</summary>
public sealed class DIPV2516ModifiedOnFieldNotDateTime : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2516",
        "Modified-on field is not a DateTime",
        "The Int. Tbl. Modified On field of mapping '{0}' is '{1}' ({2}) of '{3}', but the synchronization filters changed rows by a DateTime; name the table's ModifiedOn field.",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var mapping in context.App.TableMappings)
        {
            if (context.App.Resolve(mapping.ModifiedOnField) is { } modified && modified.Field.Type.Kind != "DateTime")
            {
                context.Report(Descriptor, mapping.ModifiedOnField!.FieldLocation, mapping.Name.Value, modified.Field.Name.Text, modified.Field.Type, mapping.ModifiedOnField.Table);
            }
        }
    });
}
