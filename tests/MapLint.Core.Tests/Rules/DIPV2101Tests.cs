using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2101; the rule's page is docs/rules/DIPV2101.md and its broken example examples/broken/DIPV2101/.</summary>
public class DIPV2101Tests
{
    [Fact]
    public void Fires_SingleEquals()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3", "filter": "(PARTYTYPE {|DIPV2101:=|} PartyType::Person)" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2101").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("'=' is not the comparison operator of a query range expression; write '=='", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_SingleEquals_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3", "filter": "(PARTYTYPE == PartyType::Person)" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));
}
