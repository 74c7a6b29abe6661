using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Model;

namespace MapLint.Analyzers.Metadata;

/// <summary>Shared check of DIPV1022 and DIPV1025: the field (or the lookup's key column) is not in the metadata.</summary>
internal static class UnknownField
{
    public static void Check(FieldMappingAnalysisContext context, FieldReference? reference, DiagnosticDescriptor descriptor)
    {
        if (reference is null || context.Model.GetEntity(reference.Side) is not { } entity)
        {
            return;
        }

        var resolved = context.Model.Resolve(reference);
        if (resolved.Column is null)
        {
            Report(context, descriptor, reference, reference.Column, entity.FieldNames, $"Field '{reference.Column}' does not exist in {Apps.DisplayName(entity.App)} entity '{entity.Name}'.", keyColumn: false);
        }
        else if (reference.IsLookup && resolved.Column.Type != FieldType.Lookup)
        {
            context.Report(descriptor, reference, $"'{reference.Column}' in '{entity.Name}' is a {resolved.Column.TypeName} field, not a lookup, so '{reference.Text}' names nothing; map '{reference.Column}' itself.");
        }
        else if (reference.IsLookup && resolved.TargetEntity is { } target && resolved.TargetColumn is null)
        {
            Report(context, descriptor, reference, reference.KeyColumnOfTarget!, target.FieldNames, $"Field '{reference.KeyColumnOfTarget}' does not exist in '{target.Name}', the table lookup '{reference.Column}' points to.", keyColumn: true);
        }
    }

    // The replacement is the whole field text with the suggestion in place, for the rename fix. (A method of its own,
    // with no lambda over the reference: a closure made on entry to Check cost 40 bytes a field reference, most of
    // which report nothing.)
    private static void Report(FieldMappingAnalysisContext context, DiagnosticDescriptor descriptor, FieldReference reference, string name, IEnumerable<string> candidates, string message, bool keyColumn)
    {
        string? suggestion = NameSuggester.Suggest(name, candidates);
        var properties = suggestion is null ? AnalysisContext.Properties() : AnalysisContext.Properties(
            ("suggestion", suggestion),
            ("replacement", keyColumn ? reference.Column + "." + suggestion : reference.IsLookup ? suggestion + "." + reference.KeyColumnOfTarget : suggestion));
        context.Report(descriptor, reference, properties, message + NameSuggester.Hint(suggestion));
    }
}
