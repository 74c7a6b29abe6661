using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Documents;
using MapLint.Filters;

namespace MapLint.Analyzers.Filters;

/// <summary>DIPV1012: the Dataverse side's OData $filter does not parse, or names a column the table does not have.</summary>
public sealed class DIPV1012DataverseFilterInvalid : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV1012", "Dataverse filter is not valid", "Dataverse filter: {0}", RuleCategory.Filter);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        foreach (var (side, filter, result) in FilterChecks.DataverseFilters(context))
        {
            string path = $"$.{side.RoleName}.filter";
            foreach (var problem in result.Problems.Where(p => p.Kind == FilterProblemKind.Syntax))
            {
                context.Report(Descriptor, FilterChecks.Span(context, filter, problem.Start, problem.End), path, problem.Message);
            }

            if (context.Model.GetEntity(side) is not { } entity)
            {
                continue;
            }

            foreach (var field in result.Fields)
            {
                // Lookups appear in filters as _column_value; navigation paths are checked by their first segment.
                string name = field.Name.Split('/')[0];
                if (name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal) && name.Length > 7)
                {
                    name = name[1..^6];
                }

                if (entity.FindField(name) is null)
                {
                    string hint = NameSuggester.Hint(NameSuggester.Suggest(name, entity.FieldNames));
                    context.Report(Descriptor, FilterChecks.Span(context, filter, field.Start, field.End), path, $"column '{name}' does not exist in table '{entity.Name}'.{hint}");
                }
            }
        }
    });
}
