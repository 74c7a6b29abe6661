using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1014; the rule's page is docs/rules/DIPV1014.md and its broken example examples/broken/DIPV1014/.</summary>
public class DIPV1014Tests
{
    [Fact]
    public void Fires_KeyFieldNotMapped()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "integrationKey": ["accountnumber", {|DIPV1014:"nickname"|}],
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1014").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Integration key field 'nickname' of 'account' is not mapped in map 'Customers'", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_KeyFieldNotMapped_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "integrationKey": ["accountnumber"],
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));
}
