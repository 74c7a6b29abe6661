using System.Text;

namespace MapLint.Tests.Rules;

/// <summary>
/// DIPV2203 on maps that split one table: by rows (filters that require one field to hold different values, as
/// Microsoft's Customers V3 → accounts / contacts and the sellable / not sellable product maps do) and by columns
/// (maps that share only the key, as Position / Position durations do). Before, each of these was reported.
/// </summary>
public class DIPV2203SplitTests
{
    private static (string, byte[]) Doc(string path, string json) => (path, Encoding.UTF8.GetBytes(json));

    private static string Map(string name, string foFilter, string dvFilter, string table, params string[] destinations) => MapOf(name, "CustomersV3", foFilter, dvFilter, table, destinations);

    private static string MapOf(string name, string fo, string foFilter, string dvFilter, string table, params string[] destinations) => $$"""
        { "kind": "tableMap", "name": "{{name}}",
          "source": { "app": "financeAndOperations", "entity": "{{fo}}"{{(foFilter.Length > 0 ? ", \"filter\": \"" + foFilter.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : "")}} },
          "destination": { "app": "dataverse", "entity": "{{table}}"{{(dvFilter.Length > 0 ? ", \"filter\": \"" + dvFilter + "\"" : "")}} },
          "mappings": [ {{string.Join(", ", destinations.Select((d, i) => $"{{ \"source\": \"F{i}\", \"direction\": \"=\", \"destination\": \"{d}\" }}"))}} ] }
        """;

    private static List<string> Fired(params (string, byte[])[] docs) =>
        Linter.Run(docs).Diagnostics.Where(d => d.Id == "DIPV2203").Select(d => d.Location.Path).ToList();

    [Theory]
    [InlineData("(PartyType == \"Organization\")", "(PartyType == \"Person\")")]
    [InlineData("(PARTYTYPE == PartyType::Organization)", "((PARTYTYPE == PartyType::Person) && (CustomerGroupId == \"10\"))")]
    public void FiltersWithDifferentValuesOfOneFieldSplitTheRows(string first, string second) =>
        Assert.Empty(Fired(Doc("maps/a.json", Map("Customers V3 (accounts)", first, string.Empty, "account", "accountnumber", "name")),
                           Doc("maps/b.json", Map("Customers V3 (contacts)", second, string.Empty, "contact", "msdyn_contactpersonid", "lastname"))));

    [Fact]
    public void DataverseFiltersSplitTheRowsToo() =>
        Assert.Empty(Fired(Doc("maps/a.json", MapOf("Sellable", "ReleasedProductsV2", string.Empty, "msdyn_sellable eq true", "product", "productnumber", "name")),
                           Doc("maps/b.json", MapOf("Not sellable", "ProductsV2", string.Empty, "msdyn_sellable eq false", "product", "productnumber", "name"))));

    [Theory]
    [InlineData("(PartyType == \"Organization\") || (PartyType == \"Person\")", "(PartyType == \"Person\")")]
    [InlineData("!(PartyType == \"Organization\")", "(PartyType == \"Person\")")]
    [InlineData("(PartyType == \"Organization\")", "")]
    public void FiltersThatMayShareRowsStillOverlap(string first, string second) =>
        Assert.Equal(["maps/b.json"], Fired(Doc("maps/a.json", Map("A", first, string.Empty, "account", "accountnumber", "name")),
                                            Doc("maps/b.json", MapOf("B", "OtherCustomers", second, string.Empty, "account", "accountnumber", "name"))));

    private const string PositionMetadata = """
        { "kind": "entityMetadata", "app": "dataverse", "entities": { "cdm_jobposition": { "keys": [["cdm_jobpositionnumber"]],
          "fields": { "cdm_jobpositionnumber": { "type": "string" }, "cdm_activation": { "type": "dateTime" }, "cdm_retirement": { "type": "dateTime" }, "cdm_description": { "type": "string" } } } } }
        """;

    [Fact]
    public void MapsSharingOnlyTheKeySplitTheColumns()
    {
        var position = Doc("maps/position.json", MapOf("Base position", "BaseJobPositions", string.Empty, string.Empty, "cdm_jobposition", "cdm_jobpositionnumber", "cdm_description"));
        var duration = Doc("maps/duration.json", MapOf("Position durations", "PositionDurations", string.Empty, string.Empty, "cdm_jobposition", "cdm_jobpositionnumber", "cdm_activation", "cdm_retirement"));
        Assert.Empty(Fired(position, duration, Doc("meta/dv.json", PositionMetadata)));

        // A non-key column written by both is an overlap.
        var both = Doc("maps/both.json", MapOf("Position details", "PositionDetails", string.Empty, string.Empty, "cdm_jobposition", "cdm_jobpositionnumber", "cdm_description"));
        Assert.Equal(["maps/both.json"], Fired(position, both, Doc("meta/dv.json", PositionMetadata)));
    }
}
