using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1029; the rule's page is docs/rules/DIPV1029.md and its broken example examples/broken/DIPV1029/.</summary>
public class DIPV1029Tests
{
    [Fact]
    public void Fires_DuplicateValueMapEntry()
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
                { "source": "PARTYTYPE", "direction": ">>", "destination": "msdyn_partytype", "transform": { "valueMap": [{ "source": "None", "destination": 1 }, { "source": "Person", "destination": 2 }, { "source": "Organization", "destination": 3 }, { "source": {|DIPV1029:"Person"|}, "destination": 3 }] } }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1029").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Source value 'Person' appears in value map entries 2 and 4", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_DuplicateValueMapEntry_Fixed() =>
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
                { "source": "PARTYTYPE", "direction": ">>", "destination": "msdyn_partytype", "transform": { "valueMap": [{ "source": "None", "destination": 1 }, { "source": "Person", "destination": 2 }, { "source": "Organization", "destination": 3 }] } }
              ]
            }
            """));
}
