using MapLint.Analysis;
using MapLint.BusinessCentral;
using MapLint.Diagnostics;
using MapLint.Documents;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>
/// DIPV2511: <c>Record.FieldNo(X)</c> in a mapping names no field of the record's table, where the table itself
/// is in the repository (so all its fields, its extensions' included, are known).
/// </summary>
public sealed class DIPV2511FieldNoNamesNoField : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2511",
        "FieldNo names no field of the table",
        "'{0}' is not a field of table '{1}'.{2}",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        var app = context.App;
        foreach (var reference in References(app))
        {
            if (reference is not null && app.FindTable(reference.Table) is { IsComplete: true } table && table.FindField(reference.Field.Text) is null)
            {
                string? suggestion = NameSuggester.Suggest(reference.Field.Text, table.Fields.Select(f => f.Field.Name.Text));
                context.Report(Descriptor, reference.FieldLocation, reference.Field.Text, table.Name, NameSuggester.Hint(suggestion));
            }
        }
    });

    private static IEnumerable<FieldNoReference?> References(BusinessCentralApp app)
    {
        foreach (var mapping in app.TableMappings)
        {
            yield return mapping.UidField;
            yield return mapping.ModifiedOnField;
        }

        foreach (var (_, _, _, fields) in BusinessCentralChecks.Groups(app))
        {
            foreach (var field in fields)
            {
                yield return field.Field;
                yield return field.IntegrationField;
            }
        }
    }
}
