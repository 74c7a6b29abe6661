using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2100; the rule's page is docs/rules/DIPV2100.md and its broken example examples/broken/DIPV2100/.</summary>
public class DIPV2100Tests
{
    [Fact]
    public void Fires_UnclosedParenthesis()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3", "filter": "{|DIPV2100:(|}NAMEALIAS == \"x\"" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2100").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Finance and operations filter: Missing ')' to close the '(' here.", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_UnclosedParenthesis_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3", "filter": "((NAMEALIAS == \"x\") && !(PARTYTYPE == PartyType::None))" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));
}
