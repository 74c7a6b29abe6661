namespace MapLint.Model;

/// <summary>
/// What the rules spanning maps need of one side's entity metadata, taken when the map's own rules ran and kept
/// with the compacted map (and in its cache entry): whether the entity is defined, its alternate keys and company
/// field (which columns two writers may share), and each lookup column's targets. So the sync graph and the
/// table-writer rules read no metadata, and a cached run need not load any. The summary's metadata fingerprint
/// covers the entity, so a change to it summarizes the map again.
/// </summary>
public sealed class SideMetadata
{
    public SideMetadata(bool entityFound, IReadOnlyList<IReadOnlyList<string>> keys, string? companyField, IReadOnlyDictionary<string, IReadOnlyList<string>?> lookupColumns)
    {
        EntityFound = entityFound;
        Keys = keys;
        CompanyField = companyField;
        LookupColumns = lookupColumns;
    }

    public bool EntityFound { get; }

    public IReadOnlyList<IReadOnlyList<string>> Keys { get; }

    public string? CompanyField { get; }

    /// <summary>Per lookup column of the side (case-insensitive): its targets in the metadata, or null when the entity lacks the column.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>?> LookupColumns { get; }
}
