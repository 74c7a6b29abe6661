using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Filters;

namespace MapLint.Analyzers.Filters;

/// <summary>
/// DIPV2102: a Dataverse filter compares a column with '': rows where the column is null are neither equal nor
/// unequal to it. Finance and operations strings are never null (an empty field is ""), so query range expressions
/// are not checked.
/// </summary>
public sealed class DIPV2102EmptyStringComparison : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2102",
        "Comparison with an empty string misses null values",
        "Comparing '{0}' with '' does not match rows where it is null; test for null as well ({0} eq null), or filter on a column that is always set.",
        RuleCategory.Filter);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        foreach (var (side, filter, result) in FilterChecks.DataverseFilters(context))
        {
            foreach (var problem in result.Problems.Where(p => p.Kind == FilterProblemKind.EmptyStringComparison))
            {
                context.Report(Descriptor, FilterChecks.Span(context, filter, problem.Start, problem.End), $"$.{side.RoleName}.filter", problem.Message);
            }
        }
    });
}
