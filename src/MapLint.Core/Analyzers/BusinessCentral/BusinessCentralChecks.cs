using MapLint.BusinessCentral;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>What several Business Central rules share: the field mappings of each table mapping, directions, type families.</summary>
internal static class BusinessCentralChecks
{
    /// <summary>
    /// Each table mapping with its field mappings: the repository's own, then the field mappings added to the
    /// base application's mappings (CUSTOMER…), whose table mapping is not in the code (null).
    /// </summary>
    public static IEnumerable<(string Name, IntegrationTableMapping? Mapping, (string Table, string IntegrationTable) Tables, IReadOnlyList<IntegrationFieldMapping> Fields)> Groups(BusinessCentralApp app)
    {
        foreach (var mapping in app.TableMappings)
        {
            yield return (mapping.Name.Value, mapping, (mapping.Table.Value, mapping.IntegrationTable.Value), mapping.FieldMappings);
        }

        foreach (var (name, fields) in app.BaseMappingAdditions.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            yield return (name, null, BaseApplication.DefaultMappings[name], fields);
        }
    }

    public static bool FlowsToIntegrationTable(SyncDirection direction) => direction != SyncDirection.FromIntegrationTable;

    public static bool FlowsFromIntegrationTable(SyncDirection direction) => direction != SyncDirection.ToIntegrationTable;

    /// <summary>The family of an AL type: values convert within a family, and across the few pairs <see cref="Convertible"/> allows.</summary>
    public static string Family(AlType type) => type.Kind switch
    {
        "Code" or "Text" => "text",
        "Integer" or "BigInteger" or "Decimal" or "Duration" => "number",
        "Option" or "Enum" => "option",
        "Blob" or "Media" or "MediaSet" => "binary",
        "Date" or "Time" or "DateTime" => "date",
        "Boolean" => "boolean",
        "Guid" => "guid",
        _ => "other",
    };

    /// <summary>
    /// Whether the synchronization can carry a value between two field types. Beyond one family: option mappings
    /// (Code ↔ Option, as the base application maps Shipment Method Code to freight terms), lookups (a Code or Text
    /// with a TableRelation ↔ the Guid of the coupled row, as Currency Code ↔ TransactionCurrencyId), options and
    /// numbers, and text with anything it can be formatted from. Unknown types are given the benefit of the doubt.
    /// </summary>
    public static bool Convertible(AlField bc, AlField proxy)
    {
        string a = Family(bc.Type), b = Family(proxy.Type);
        if (a == b || a == "other" || b == "other")
        {
            return true;
        }

        return (a, b) switch
        {
            ("text", "guid") => bc.RelatedTables.Count > 0,
            ("guid", "text") => proxy.RelatedTables.Count > 0,
            ("text", "option") or ("option", "text") => true,
            ("option", "number") or ("number", "option") => true,
            ("text", "number") or ("number", "text") or ("text", "date") or ("date", "text") or ("text", "boolean") or ("boolean", "text") => true,
            ("number", "boolean") or ("boolean", "number") => true,
            _ => false,
        };
    }

    public static string Describe(AlType type) => type.ToString();
}
