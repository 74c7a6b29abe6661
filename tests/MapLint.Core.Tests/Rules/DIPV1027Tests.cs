using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1027; the rule's page is docs/rules/DIPV1027.md and its broken example examples/broken/DIPV1027/.</summary>
public class DIPV1027Tests
{
    [Fact]
    public void Fires_DestinationLookupWithoutKey()
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
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": {|DIPV1027:"msdyn_customergroupid"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1027").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("'msdyn_customergroupid' is a lookup to 'msdyn_customergroup' and must be mapped through that table's integration key: 'msdyn_customergroupid.msdyn_groupid', 'msdyn_customergroupid.msdyn_company'.", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_DestinationLookupWithoutKey_Fixed() =>
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
