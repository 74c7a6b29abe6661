using System.Text;

namespace MapLint.Tests.Rules;

/// <summary>
/// DIPV1030 on choices: a map type with a transform ('&gt;&lt;', '&gt;&gt;', '&lt;&lt;') says a value map exists, as
/// Microsoft's published pages write them without listing it; a two-valued enum (finance and operations' NoYes) is a
/// Dataverse Boolean under '=', an enum of more values is not.
/// </summary>
public class DIPV1030TransformTests
{
    private const string Metadata = """
        { "kind": "entityMetadata", "app": "financeAndOperations", "entities": { "CustomersV3": { "fields": {
          "CUSTOMERACCOUNT": { "type": "string" }, "PARTYTYPE": { "type": "enum", "values": ["None", "Person", "Organization"] },
          "ISONETIMECUSTOMER": { "type": "enum", "values": ["No", "Yes"] } } } } }
        """;

    private const string Dataverse = """
        { "kind": "entityMetadata", "app": "dataverse", "entities": { "account": { "keys": [["accountnumber"]], "fields": {
          "accountnumber": { "type": "string" }, "msdyn_partytype": { "type": "optionSet", "values": [1, 2, 3] },
          "msdyn_onetimecustomer": { "type": "boolean" }, "msdyn_isperson": { "type": "boolean" } } } } }
        """;

    private static List<string> Findings(string mapping)
    {
        string map = $$"""
            { "kind": "tableMap", "name": "Customers", "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [ { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" }, {{mapping}} ] }
            """;
        return Linter.Run([("m/fo.json", Encoding.UTF8.GetBytes(Metadata)), ("m/dv.json", Encoding.UTF8.GetBytes(Dataverse)), ("maps/map.json", Encoding.UTF8.GetBytes(map))])
            .Diagnostics.Where(d => d.Id == "DIPV1030").Select(d => d.Message).ToList();
    }

    [Theory]
    [InlineData("><")]
    [InlineData(">>")]
    public void AMapTypeWithATransformSaysTheValueMapExists(string direction) =>
        Assert.Empty(Findings($"{{ \"source\": \"PARTYTYPE\", \"direction\": \"{direction}\", \"destination\": \"msdyn_partytype\" }}"));

    [Fact]
    public void WithoutATransformAnEnumToAnOptionSetStillNeedsAValueMap() =>
        Assert.Single(Findings("{ \"source\": \"PARTYTYPE\", \"direction\": \"=\", \"destination\": \"msdyn_partytype\" }"));

    [Fact]
    public void ANoYesEnumIsABoolean() =>
        Assert.Empty(Findings("{ \"source\": \"ISONETIMECUSTOMER\", \"direction\": \"=\", \"destination\": \"msdyn_onetimecustomer\" }"));

    [Fact]
    public void AnEnumOfThreeValuesIsNotABoolean() =>
        Assert.Contains("has 3 values and a Boolean two", Assert.Single(Findings("{ \"source\": \"PARTYTYPE\", \"direction\": \"=\", \"destination\": \"msdyn_isperson\" }")), StringComparison.Ordinal);
}
