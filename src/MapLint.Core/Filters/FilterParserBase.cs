namespace MapLint.Filters;

internal sealed record FilterToken<TKind>(TKind Kind, int Start, int End, string Text)
    where TKind : struct, Enum;

/// <summary>Stops a filter parse at the first syntax error, with the character span to report.</summary>
internal sealed class FilterSyntaxError(string message, int start, int end) : Exception(message)
{
    public int Start { get; } = start;

    public int End { get; } = end;
}

/// <summary>
/// What the two filter languages' parsers share: a token list with a cursor, the problems and field names they
/// collect, a nesting limit, and one place that turns the first syntax error into a problem.
/// </summary>
internal abstract class FilterParserBase<TKind>
    where TKind : struct, Enum
{
    private const int MaxNesting = 64;
    private int depth;

    protected FilterParserBase(string text)
    {
        Text = text;
    }

    protected string Text { get; }

    protected List<FilterToken<TKind>> Tokens { get; } = new();

    protected int Index { get; set; }

    protected FilterToken<TKind> Current => Tokens[Index];

    protected List<FilterProblem> Problems { get; } = new();

    protected List<FilterField> Fields { get; } = new();

    /// <summary>Equality tests in the order parsed; those under "or" or "not" are marked so by <see cref="Uncertain"/>.</summary>
    private readonly List<(FilterEquality Equality, bool Required)> equalities = new();

    protected void AddEquality(string field, string value) => equalities.Add((new FilterEquality(field, value), true));

    protected int EqualityMark => equalities.Count;

    /// <summary>Equalities added since <paramref name="mark"/> hold for some rows only (they sit under "or" or "not").</summary>
    protected void Uncertain(int mark)
    {
        for (int i = mark; i < equalities.Count; i++)
        {
            equalities[i] = (equalities[i].Equality, false);
        }
    }

    public FilterParseResult Parse()
    {
        try
        {
            Tokenize();
            ParseFilter();
        }
        catch (FilterSyntaxError error)
        {
            Problems.Add(new FilterProblem(FilterProblemKind.Syntax, error.Start, error.End, error.Message));
            equalities.Clear();
        }

        return new FilterParseResult(Problems, Fields) { RequiredEqualities = equalities.Where(e => e.Required).Select(e => e.Equality).ToList() };
    }

    protected abstract void Tokenize();

    protected abstract void ParseFilter();

    protected void EnterNesting(FilterToken<TKind> open)
    {
        if (++depth > MaxNesting)
        {
            throw new FilterSyntaxError($"Parentheses nest deeper than {MaxNesting} levels.", open.Start, open.End);
        }
    }

    protected void ExitNesting() => depth--;
}
