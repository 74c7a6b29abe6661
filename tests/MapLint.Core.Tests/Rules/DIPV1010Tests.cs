using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1010; the rule's page is docs/rules/DIPV1010.md and its broken example examples/broken/DIPV1010/.</summary>
public class DIPV1010Tests
{
    [Fact]
    public void Fires_RequiredFieldNotMapped()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": {|DIPV1010:"CustomersV3"|} },
              "destination": { "app": "dataverse", "entity": {|DIPV1010:"account"|} },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1010").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Required field 'ORGANIZATIONNAME' of finance and operations entity 'CustomersV3' is not mapped", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_RequiredFieldNotMapped_Fixed() =>
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
