using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1024; the rule's page is docs/rules/DIPV1024.md and its broken example examples/broken/DIPV1024/.</summary>
public class DIPV1024Tests
{
    [Fact]
    public void Fires_MappingWithoutDestination()
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
                { "source": {|DIPV1024:"NAMEALIAS"|}, "direction": "=" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1024").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Mapping NAMEALIAS = (none) has no destination field", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_MappingWithoutDestination_Fixed() =>
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
                { "source": "NAMEALIAS", "direction": "<<", "transform": { "defaultValue": "n/a" } }
              ]
            }
            """));
}
