using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2103; the rule's page is docs/rules/DIPV2103.md and its broken example examples/broken/DIPV2103/.</summary>
public class DIPV2103Tests
{
    [Fact]
    public void Fires_OnlyTowardFinanceAndOperations()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": {|DIPV2103:"Customers"|},
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "<", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "<", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "<", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2103").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Every mapping of 'Customers' writes into finance and operations and none reads from it", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_OnlyTowardFinanceAndOperations_Fixed() =>
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
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));
}
