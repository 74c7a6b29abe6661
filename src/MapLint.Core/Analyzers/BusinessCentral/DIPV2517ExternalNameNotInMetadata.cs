using MapLint.Analysis;
using MapLint.BusinessCentral;
using MapLint.Diagnostics;
using MapLint.Documents;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>
/// DIPV2517: a proxy table's ExternalName is not a Dataverse table, or a proxy field's is not a column of it,
/// in the Dataverse metadata of the checked paths. FlowFields are skipped: they stand for Dataverse's name
/// helper columns (modifiedbyname…), which metadata exports leave out.
/// </summary>
public sealed class DIPV2517ExternalNameNotInMetadata : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2517",
        "ExternalName not in Dataverse metadata",
        "{0} '{1}' does not exist in the Dataverse metadata{2}; correct the ExternalName or regenerate the proxy table.{3}",
        RuleCategory.BusinessCentral,
        metadata: true);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        var metadata = context.Model.Metadata;
        if (!metadata.HasApp("dataverse"))
        {
            return;
        }

        foreach (var table in context.App.Tables.Where(t => t.IsProxy).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (table.Definition!.ExternalName is not { } externalName)
            {
                continue;
            }

            var entity = metadata.FindEntity("dataverse", externalName.Text) ?? metadata.FindEntity("dataverse", externalName.Text.ToLowerInvariant());
            if (entity is null)
            {
                context.Report(Descriptor, new AlLocation(table.File!, externalName.Span), "Table", externalName.Text, string.Empty, NameSuggester.Hint(NameSuggester.Suggest(externalName.Text, metadata.EntityNames("dataverse"))));
                continue;
            }

            foreach (var (field, file) in table.Fields.OrderBy(f => f.Field.Id))
            {
                if (field.ExternalName is { } column && !field.IsFlow && entity.FindField(column.Text) is null && entity.FindField(column.Text.ToLowerInvariant()) is null)
                {
                    context.Report(Descriptor, new AlLocation(file, column.Span), "Column", column.Text, $" of table '{externalName.Text}'", NameSuggester.Hint(NameSuggester.Suggest(column.Text, entity.FieldNames)));
                }
            }
        }
    });
}
