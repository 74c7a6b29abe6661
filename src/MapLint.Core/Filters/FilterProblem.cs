namespace MapLint.Filters;

public enum FilterProblemKind
{
    Syntax,
    SingleEquals,
    EmptyStringComparison,
}

/// <summary>A problem found in a filter, at character offsets of the filter text.</summary>
public sealed record FilterProblem(FilterProblemKind Kind, int Start, int End, string Message);

/// <summary>A field name used in a filter, at character offsets of the filter text.</summary>
public sealed record FilterField(string Name, int Start, int End);

public sealed record FilterParseResult(IReadOnlyList<FilterProblem> Problems, IReadOnlyList<FilterField> Fields);
