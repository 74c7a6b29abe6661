using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2001; the rule's page is docs/rules/DIPV2001.md and its broken example examples/broken/DIPV2001/.</summary>
public class DIPV2001Tests
{
    [Fact]
    public void Fires_BadDirection()
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
                { "source": "NAMEALIAS", "direction": {|DIPV2001:"=>"|}, "destination": "nickname" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2001").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("'direction' must be one of '=', '><', '>', '<', '>>', '<<', not '=>'.", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_BadDirection_Fixed() =>
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
