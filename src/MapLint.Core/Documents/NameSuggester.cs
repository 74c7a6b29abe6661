namespace MapLint.Documents;

/// <summary>Finds the closest known name for "did you mean" hints (case-insensitive edit distance).</summary>
public static class NameSuggester
{
    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        if (name.Length > MaxNameLength)
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        int limit = Math.Max(2, name.Length / 3);
        string lower = name.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            int distance = candidate.Length > MaxNameLength ? int.MaxValue : Distance(lower, candidate.ToLowerInvariant(), limit);
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>Suffix for a message: " Did you mean 'x'?" or empty.</summary>
    public static string Hint(string? suggestion) => suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";

    /// <summary>
    /// Longer names get no suggestion: "did you mean" is for typos in names people type, and the distance costs
    /// the product of the lengths (two 300,000-character names would take minutes).
    /// </summary>
    public const int MaxNameLength = 256;

    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit || a.Length > MaxNameLength || b.Length > MaxNameLength)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
