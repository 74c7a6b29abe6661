using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1021; the rule's page is docs/rules/DIPV1021.md and its broken example examples/broken/DIPV1021/.</summary>
public class DIPV1021Tests
{
    [Fact]
    public void Fires_MappingWithoutSource()
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
                { "direction": "=", "destination": {|DIPV1021:"nickname"|} }
              ]
            }
            """));

        Assert.All(diagnostics, d => Assert.Equal("DIPV1021", d.Id));
        Assert.Contains("Mapping (none) = nickname has no source field", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_MappingWithoutSource_Fixed() =>
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
                { "direction": ">>", "destination": "nickname", "transform": { "defaultValue": "n/a" } }
              ]
            }
            """));
}
