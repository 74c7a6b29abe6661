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
            Report(reference.Column, entity.Name, entity.FieldNames, $"Field '{reference.Column}' does not exist in {Apps.DisplayName(entity.App)} entity '{entity.Name}'.", s => reference.IsLookup ? s + "." + reference.KeyColumnOfTarget : s);
        }
        else if (reference.IsLookup && resolved.Column.Type != FieldType.Lookup)
        {
            context.Report(descriptor, reference, $"'{reference.Column}' in '{entity.Name}' is a {resolved.Column.TypeName} field, not a lookup, so '{reference.Text}' names nothing; map '{reference.Column}' itself.");
        }
        else if (reference.IsLookup && resolved.TargetEntity is { } target && resolved.TargetColumn is null)
        {
            Report(reference.KeyColumnOfTarget!, target.Name, target.FieldNames, $"Field '{reference.KeyColumnOfTarget}' does not exist in '{target.Name}', the table lookup '{reference.Column}' points to.", s => reference.Column + "." + s);
        }

        // The replacement is the whole field text with the suggestion in place, for the rename fix.
        void Report(string name, string owner, IEnumerable<string> candidates, string message, Func<string, string> replacement)
        {
            string? suggestion = NameSuggester.Suggest(name, candidates);
            var properties = suggestion is null ? AnalysisContext.Properties() : AnalysisContext.Properties(("suggestion", suggestion), ("replacement", replacement(suggestion)));
            context.Report(descriptor, reference, properties, message + NameSuggester.Hint(suggestion));
        }
    }
}
