using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2104; the rule's page is docs/rules/DIPV2104.md and its broken example examples/broken/DIPV2104/.</summary>
public class DIPV2104Tests
{
    [Fact]
    public void Fires_ValueMapMissesAValue()
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
                { "source": "PARTYTYPE", "direction": ">>", "destination": "msdyn_partytype", "transform": { "valueMap": {|DIPV2104:[{ "source": "None", "destination": 1 }, { "source": "Person", "destination": 2 }]|} } }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2104").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("has no entry for PARTYTYPE value(s) 'Organization'", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_ValueMapMissesAValue_Fixed() =>
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
