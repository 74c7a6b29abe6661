using MapLint.Analysis;
using MapLint.Filters;
using MapLint.Model;
using MapLint.Text;

namespace MapLint.Analyzers.Filters;

/// <summary>The parsed filters of a map's sides, and problem positions mapped into the file.</summary>
internal static class FilterChecks
{
    public static IEnumerable<(MapSide Side, MapFilter Filter, FilterParseResult Result)> FinanceAndOperationsFilters(TableMapAnalysisContext context) =>
        Filters(context, s => s.IsFinanceAndOperations);

    public static IEnumerable<(MapSide Side, MapFilter Filter, FilterParseResult Result)> DataverseFilters(TableMapAnalysisContext context) =>
        Filters(context, s => s.IsDataverse);

    public static TextSpan Span(TableMapAnalysisContext context, MapFilter filter, int start, int end) =>
        FilterSpans.ToFileSpan(filter, context.TableMap.File.Text, start, end);

    private static IEnumerable<(MapSide, MapFilter, FilterParseResult)> Filters(TableMapAnalysisContext context, Func<MapSide, bool> which)
    {
        foreach (var side in new[] { context.TableMap.Source, context.TableMap.Destination })
        {
            if (which(side) && side.Filter is { Parsed: { } parsed } filter)
            {
                yield return (side, filter, parsed);
            }
        }
    }
}
