namespace MapLint.Semantics;

/// <summary>
/// A lookup as the service writes it, parsed: <c>column.keyColumn</c>; several levels, <c>column.lookupOfTarget.keyColumn</c>
/// (the key part is itself a lookup of the target table, e.g. <c>msdyn_productcategory.msdyn_hierarchy.msdyn_name</c>);
/// or polymorphic, one key per target table, <c>customerid.Account(accountnumber).Contact(msdyn_contactpersonid)</c>.
/// A lookup into a table whose key has several parts is written as one row per part, each naming one part here.
/// </summary>
public sealed class LookupPath
{
    private LookupPath(string column, IReadOnlyList<LookupKeyPart> parts, bool polymorphic)
    {
        Column = column;
        Parts = parts;
        IsPolymorphic = polymorphic;
    }

    /// <summary>The lookup column on the side's own table.</summary>
    public string Column { get; }

    /// <summary>One part per target: a single one unless the lookup is polymorphic.</summary>
    public IReadOnlyList<LookupKeyPart> Parts { get; }

    /// <summary>True when the path names its target tables (<c>Account(…)</c>), so they need no metadata.</summary>
    public bool IsPolymorphic { get; }

    /// <summary>Parses the text after a field's first dot; null when it is not a lookup.</summary>
    public static LookupPath? Parse(string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1)
        {
            return null;
        }

        string column = text[..dot];
        string rest = text[(dot + 1)..];
        if (rest.Contains('(', StringComparison.Ordinal) && rest.EndsWith(')'))
        {
            // Table(key).Table(key): the parentheses may hold a dotted key path themselves.
            var parts = new List<LookupKeyPart>();
            int at = 0;
            while (at < rest.Length)
            {
                int open = rest.IndexOf('(', at);
                int close = open < 0 ? -1 : rest.IndexOf(')', open);
                if (open <= at || close < 0)
                {
                    return new LookupPath(column, [new LookupKeyPart(null, rest)], false);
                }

                parts.Add(new LookupKeyPart(rest[at..open].ToLowerInvariant(), rest[(open + 1)..close]));
                at = close + 1;
                if (at < rest.Length && rest[at] != '.')
                {
                    return new LookupPath(column, [new LookupKeyPart(null, rest)], false);
                }

                at++;
            }

            return new LookupPath(column, parts, true);
        }

        return new LookupPath(column, [new LookupKeyPart(null, rest)], false);
    }
}

/// <summary>
/// The key of one target a lookup goes through: the target table when the path names it, and the key path on
/// that table, whose first segment is the target's column (<see cref="KeyColumn"/>) and any further segments the
/// levels below it.
/// </summary>
public sealed record LookupKeyPart(string? Table, string KeyPath)
{
    /// <summary>The column of the target table the value is matched on (a lookup itself when the path has more levels).</summary>
    public string KeyColumn => KeyPath.IndexOf('.', StringComparison.Ordinal) is int dot and > 0 ? KeyPath[..dot] : KeyPath;

    /// <summary>True when the key column is itself a lookup of the target, followed to a further table.</summary>
    public bool IsMultiLevel => KeyPath.Contains('.', StringComparison.Ordinal);
}
