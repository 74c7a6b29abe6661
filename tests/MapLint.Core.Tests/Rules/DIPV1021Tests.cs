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

        var fired = diagnostics.Where(d => d.Id == "DIPV1021").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Mapping (none) = nickname has no source field", fired[0].Message, StringComparison.Ordinal);
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
