using System.Text;
using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>
/// Tests of DIPV2014; the rule's page is docs/rules/DIPV2014.md. The entity is the examples' `msdyn_customergroup`
/// (examples/metadata/dataverse.json); the second file is the same definition with one contradiction.
/// </summary>
public class DIPV2014Tests
{
    private static string Metadata(string name, string entityMarkup, string groupIdField) => $$"""
        {
          "kind": "entityMetadata",
          "name": "{{name}}",
          "app": "dataverse",
          "entities": {
            {{entityMarkup}}: {
              "keys": [["msdyn_groupid"]],
              "fields": {
                "msdyn_groupid": {{groupIdField}},
                "msdyn_description": { "type": "string", "maxLength": 60 }
              }
            }
          }
        }
        """;

    [Fact]
    public void Fires_FieldTypeDiffers()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(
            ("metadata/dataverse.json", Metadata("Dataverse", "{|DIPV2014:\"msdyn_customergroup\"|}", "{ \"type\": \"string\", \"maxLength\": 10, \"required\": true }")),
            ("metadata/old/dataverse.json", Metadata("Dataverse (old)", "{|DIPV2014:\"msdyn_customergroup\"|}", "{ \"type\": \"integer\", \"required\": true }")));

        var fired = diagnostics.Where(d => d.Id == "DIPV2014").OrderBy(d => d.Location.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(2, fired.Count);
        Assert.Equal("Entity 'msdyn_customergroup' is also defined in 'metadata/old/dataverse.json', differently: type of 'msdyn_groupid' is string here, integer there; maxLength of 'msdyn_groupid' is 10 here, not set there. Keep one definition: delete the stale file or export it again.", fired[0].Message);
        Assert.StartsWith("Entity 'msdyn_customergroup' is also defined in 'metadata/dataverse.json', differently: type of 'msdyn_groupid' is integer here, string there;", fired[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_SameDefinitionAndFieldsOnlyOneLists() =>
        RuleVerifier.VerifyWithoutFixture(
            ("metadata/dataverse.json", Metadata("Dataverse", "\"msdyn_customergroup\"", "{ \"type\": \"string\", \"maxLength\": 10, \"required\": true }")),
            ("metadata/old/dataverse.json", Metadata("Dataverse (old)", "\"msdyn_customergroup\"", "{ \"type\": \"string\", \"maxLength\": 10, \"required\": true }").Replace(",\n        \"msdyn_description\": { \"type\": \"string\", \"maxLength\": 60 }", string.Empty, StringComparison.Ordinal)));

    [Fact]
    public void TheJoinedModelDoesNotDependOnPathOrder()
    {
        var a = Encoding.UTF8.GetBytes(RuleVerifier.Parse(Metadata("A", "\"msdyn_customergroup\"", "{ \"type\": \"string\", \"maxLength\": 10 }")).Text);
        var b = Encoding.UTF8.GetBytes(RuleVerifier.Parse(Metadata("B", "\"msdyn_customergroup\"", "{ \"type\": \"string\", \"maxLength\": 30 }")).Text);
        var first = Linter.Run([("m/a.json", a), ("m/b.json", b)]).Model.Metadata.FindEntity("dataverse", "msdyn_customergroup")!;
        var swapped = Linter.Run([("m/a.json", b), ("m/b.json", a)]).Model.Metadata.FindEntity("dataverse", "msdyn_customergroup")!;
        Assert.Equal(first.FindField("msdyn_groupid")!.MaxLength, swapped.FindField("msdyn_groupid")!.MaxLength);
    }

    [Fact]
    public void Fires_AtTheEntitySetOfAMetadataExport()
    {
        // A $metadata in the CSDL form of tests/MapLint.Core.Tests/Corpus/fo-metadata (sourced in its README), and
        // an entityMetadata document that says CustomerGroups is global while the export's key makes it company-specific.
        const string Csdl = """
            <?xml version="1.0" encoding="utf-8"?>
            <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
              <edmx:DataServices>
                <Schema Namespace="Microsoft.Dynamics.DataEntities" xmlns="http://docs.oasis-open.org/odata/ns/edm">
                  <EntityType Name="CustomerGroup">
                    <Key><PropertyRef Name="dataAreaId" /><PropertyRef Name="CustomerGroupId" /></Key>
                    <Property Name="dataAreaId" Type="Edm.String" Nullable="false" />
                    <Property Name="CustomerGroupId" Type="Edm.String" Nullable="false" />
                  </EntityType>
                  <EntityContainer Name="Container">
                    <EntitySet Name="CustomerGroups" EntityType="Microsoft.Dynamics.DataEntities.CustomerGroup" />
                  </EntityContainer>
                </Schema>
              </edmx:DataServices>
            </edmx:Edmx>
            """;
        const string Document = """
            {
              "kind": "entityMetadata",
              "name": "Finance and operations",
              "app": "financeAndOperations",
              "entities": {
                "CustomerGroups": { "companyScope": "global", "keys": [["CustomerGroupId"]], "fields": { "CustomerGroupId": { "type": "string" } } }
              }
            }
            """;
        const string Map = """
            { "kind": "tableMap", "name": "Customer groups", "source": { "app": "financeAndOperations", "entity": "CustomerGroups" }, "destination": { "app": "dataverse", "entity": "msdyn_customergroup" },
              "mappings": [ { "source": "CustomerGroupId", "direction": "=", "destination": "msdyn_groupid" } ] }
            """;
        var result = Linter.Run([("exports/$metadata.xml", Encoding.UTF8.GetBytes(Csdl)), ("metadata/fo.json", Encoding.UTF8.GetBytes(Document)), ("maps/groups.json", Encoding.UTF8.GetBytes(Map))]);
        var fired = result.Diagnostics.Where(d => d.Id == "DIPV2014").OrderBy(d => d.Location.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(2, fired.Count);
        string[] lines = Csdl.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains("<EntitySet Name=\"CustomerGroups\"", StringComparison.Ordinal));
        Assert.Equal("exports/$metadata.xml", fired[0].Location.Path);
        Assert.Equal(new Text.LinePosition(line + 1, lines[line].IndexOf("\"CustomerGroups\"", StringComparison.Ordinal) + 1), fired[0].Location.LineSpan.Start);
        Assert.Contains("companyScope is 'company' here, 'global' there", fired[0].Message, StringComparison.Ordinal);
        Assert.Equal("metadata/fo.json", fired[1].Location.Path);
        Assert.Equal(new Text.LinePosition(6, 5), fired[1].Location.LineSpan.Start);
    }
}
