using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1015; the rule's page is docs/rules/DIPV1015.md and its broken example examples/broken/DIPV1015/.</summary>
public class DIPV1015Tests
{
    [Fact]
    public void Fires_KeyLookupNotExpanded()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "integrationKey": ["accountnumber", "msdyn_customergroupid"],
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": {|DIPV1015:"msdyn_customergroupid"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1015").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Key field 'msdyn_customergroupid' is a lookup to 'msdyn_customergroup' but is mapped as 'msdyn_customergroupid'; map it through the key of 'msdyn_customergroup': 'msdyn_customergroupid.msdyn_groupid', 'msdyn_customergroupid.msdyn_company'.", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_KeyLookupNotExpanded_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "integrationKey": ["accountnumber", "msdyn_customergroupid"],
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));
}
