using MapLint.Analysis;
using MapLint.Diagnostics;
using MapLint.Filters;

namespace MapLint.Analyzers.Filters;

/// <summary>
/// DIPV2101: a single '=' in a query range expression, where '==' compares. A warning: the service accepts it
/// (Microsoft's own CDS Contacts V2 template ships <c>(AssociatedContactType = 1)</c>), but the expression's meaning
/// then rests on the query engine reading '=' as '=='.
/// </summary>
public sealed class DIPV2101SingleEqualsInFilter : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Warning(
        "DIPV2101", "Single '=' in a finance and operations filter", "'=' is not the comparison operator of a query range expression; write '==' so the filter does not depend on how the query engine reads '='.", RuleCategory.Filter);

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
