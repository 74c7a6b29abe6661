using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1025; the rule's page is docs/rules/DIPV1025.md and its broken example examples/broken/DIPV1025/.</summary>
public class DIPV1025Tests
{
    [Fact]
    public void Fires_UnknownDestinationField()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" },
                { "source": "NAMEALIAS", "direction": "=", "destination": {|DIPV1025:"nicknam"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1025").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Field 'nicknam' does not exist in Dataverse entity 'account'. Did you mean 'nickname'?", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_UnknownDestinationField_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" },
                { "source": "NAMEALIAS", "direction": "=", "destination": "nickname" }
              ]
            }
            """));
}
