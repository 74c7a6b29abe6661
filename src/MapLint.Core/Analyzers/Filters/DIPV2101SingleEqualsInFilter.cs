using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Filters;

namespace MapLint.Analyzers.Filters;

/// <summary>DIPV2101: a single '=' in a query range expression, where '==' compares.</summary>
public sealed class DIPV2101SingleEqualsInFilter : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2101", "Single '=' in a finance and operations filter", "'=' does not compare in a query range expression; use '=='.", RuleCategory.Filter);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        foreach (var (side, filter, result) in FilterChecks.FinanceAndOperationsFilters(context))
        {
            foreach (var problem in result.Problems.Where(p => p.Kind == FilterProblemKind.SingleEquals))
            {
                context.Report(Descriptor, FilterChecks.Span(context, filter, problem.Start, problem.End), $"$.{side.RoleName}.filter", AnalysisContext.Properties(("replacement", "==")));
            }
        }
    });
}
