using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2102; the rule's page is docs/rules/DIPV2102.md and its broken example examples/broken/DIPV2102/.</summary>
public class DIPV2102Tests
{
    [Fact]
    public void Fires_EmptyStringComparison()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account", "filter": "nickname eq {|DIPV2102:''|}" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2102").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Comparing 'nickname' with '' does not match rows where it is null", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_EmptyStringComparison_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3", "filter": "(NAMEALIAS != \"\")" },
              "destination": { "app": "dataverse", "entity": "account", "filter": "nickname ne ''" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));
}
