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

/// <summary>
/// An equality test the whole filter requires (<c>(PartyType == "Person")</c>, <c>msdyn_sellable eq false</c>): it is
/// joined to the rest by "and" only, never under "or" or "not". Values are as written, without quotes or enum prefix.
/// </summary>
public sealed record FilterEquality(string Field, string Value);

public sealed record FilterParseResult(IReadOnlyList<FilterProblem> Problems, IReadOnlyList<FilterField> Fields)
{
    /// <summary>The equalities every row the filter lets through satisfies; empty when the filter does not parse.</summary>
    public IReadOnlyList<FilterEquality> RequiredEqualities { get; init; } = [];

    /// <summary>True when, by their required equalities, no row passes both filters: one field tested for two different values.</summary>
    public bool IsDisjointFrom(FilterParseResult other)
    {
        foreach (var mine in RequiredEqualities)
        {
            foreach (var theirs in other.RequiredEqualities)
            {
                if (string.Equals(mine.Field, theirs.Field, StringComparison.OrdinalIgnoreCase) && !string.Equals(mine.Value, theirs.Value, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
