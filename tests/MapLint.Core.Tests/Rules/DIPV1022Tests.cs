using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1022; the rule's page is docs/rules/DIPV1022.md and its broken example examples/broken/DIPV1022/.</summary>
public class DIPV1022Tests
{
    [Fact]
    public void Fires_UnknownSourceField()
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
                { "source": {|DIPV1022:"NAMEALIASS"|}, "direction": "=", "destination": "nickname" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1022").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Field 'NAMEALIASS' does not exist in finance and operations entity 'CustomersV3'. Did you mean 'NAMEALIAS'?", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_UnknownSourceField_Fixed() =>
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
