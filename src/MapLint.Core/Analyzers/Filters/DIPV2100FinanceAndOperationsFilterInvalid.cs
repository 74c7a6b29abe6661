using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Filters;

namespace MapLint.Analyzers.Filters;

/// <summary>DIPV2100: the finance and operations side's query range expression does not parse.</summary>
public sealed class DIPV2100FinanceAndOperationsFilterInvalid : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2100", "Finance and operations filter does not parse", "Finance and operations filter: {0}", RuleCategory.Filter);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterTableMapAction(context =>
    {
        foreach (var (side, filter, result) in FilterChecks.FinanceAndOperationsFilters(context))
        {
            foreach (var problem in result.Problems.Where(p => p.Kind == FilterProblemKind.Syntax))
            {
                context.Report(Descriptor, FilterChecks.Span(context, filter, problem.Start, problem.End), $"$.{side.RoleName}.filter", problem.Message);
            }
        }
    });
}
