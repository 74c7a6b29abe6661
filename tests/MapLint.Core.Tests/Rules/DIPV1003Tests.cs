using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1003; the rule's page is docs/rules/DIPV1003.md and its broken example examples/broken/DIPV1003/.</summary>
public class DIPV1003Tests
{
    [Fact]
    public void Fires_DataverseTableWithoutKey()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Books",
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": {|DIPV1003:"msdyn_nokeybook"|} },
              "mappings": [
                { "source": "NAME", "direction": ">", "destination": "msdyn_name" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1003").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Dataverse table 'msdyn_nokeybook' has no integration key, and map 'Books' declares none", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_DataverseTableWithoutKey_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Books",
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": "msdyn_nokeybook" },
              "integrationKey": ["msdyn_name"],
              "mappings": [
                { "source": "NAME", "direction": ">", "destination": "msdyn_name" }
              ]
            }
            """));
}
