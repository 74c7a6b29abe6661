namespace MapLint.Model;

/// <summary>
/// Dataverse names a table twice: its logical name (<c>account</c>), which metadata and lookups use, and its
/// entity set name (<c>accounts</c>), which the Web API and the service's map records use (a record's
/// destinationSchema, its msdyn_name <c>msdyn_[accounts - Customers V3]</c>). The metadata's own EntitySetName
/// decides; this is the fallback for a table whose metadata does not state it.
/// </summary>
public static class EntitySetNames
{
    /// <summary>
    /// The entity set name Dataverse gives a table by default: its logical name in the English plural
    /// (<c>msdyn_customerassetcategory</c> → <c>msdyn_customerassetcategories</c>, <c>msdyn_nameaffix</c> →
    /// <c>msdyn_nameaffixes</c>, <c>account</c> → <c>accounts</c>). Derived forward from a logical name the metadata
    /// holds, never backward from a plural, so an irregular or renamed set is left unresolved rather than guessed.
    /// </summary>
    public static string Default(string logicalName)
    {
        if (logicalName.Length == 0)
        {
            return logicalName;
        }

        string lower = logicalName.ToLowerInvariant();
        if (lower.Length > 1 && lower[^1] == 'y' && !IsVowel(lower[^2]))
        {
            return logicalName[..^1] + "ies";
        }

        return lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal)
            ? logicalName + "es"
            : logicalName + "s";
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
