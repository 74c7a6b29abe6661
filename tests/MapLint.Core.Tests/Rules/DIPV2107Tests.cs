using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2107; the rule's page is docs/rules/DIPV2107.md and its broken example examples/broken/DIPV2107/.</summary>
public class DIPV2107Tests
{
    [Fact]
    public void Fires_FieldMappedBothWaysToTwoFields()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" },
                { "source": "NAMEALIAS", "direction": "=", "destination": "nickname" },
                { "source": {|DIPV2107:"NAMEALIAS"|}, "direction": "=", "destination": "name" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2107").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Field 'NAMEALIAS' is mapped both ways by mappings 3 and 4, from two different fields", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_FieldMappedBothWaysToTwoFields_Fixed() =>
        RuleVerifier.VerifyWithoutFixture(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" },
                { "source": "NAMEALIAS", "direction": "=", "destination": "nickname" },
                { "source": "NAMEALIAS", "direction": ">", "destination": "name" }
              ]
            }
            """));
}
