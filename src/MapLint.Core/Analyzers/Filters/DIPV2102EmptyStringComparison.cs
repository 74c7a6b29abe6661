using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Filters;

namespace MapLint.Analyzers.Filters;

/// <summary>DIPV2102: comparing with "" in a query range expression does not match records where the field is null.</summary>
public sealed class DIPV2102EmptyStringComparison : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2102",
        "Comparison with an empty string misses null values",
        "Comparing '{0}' with \"\" does not match records where it is null; test for both, or filter on a field that is always set.",
        RuleCategory.Filter);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        foreach (var (side, filter, result) in FilterChecks.FinanceAndOperationsFilters(context))
        {
            foreach (var problem in result.Problems.Where(p => p.Kind == FilterProblemKind.EmptyStringComparison))
            {
                context.Report(Descriptor, FilterChecks.Span(context, filter, problem.Start, problem.End), $"$.{side.RoleName}.filter", problem.Message);
            }
        }
    });
}
