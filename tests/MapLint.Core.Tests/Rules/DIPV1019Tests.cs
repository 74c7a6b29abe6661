using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1019; the rule's page is docs/rules/DIPV1019.md and its broken example examples/broken/DIPV1019/.</summary>
public class DIPV1019Tests
{
    [Fact]
    public void Fires_VirtualTable()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Books",
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": {|DIPV1019:"msdyn_virtualbook"|} },
              "mappings": [
                { "source": "NAME", "direction": ">", "destination": "msdyn_name" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1019").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Dataverse table 'msdyn_virtualbook' is a virtual table and has no versionnumber column", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_VirtualTable_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Books",
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": "msdyn_addressbook" },
              "mappings": [
                { "source": "NAME", "direction": ">", "destination": "msdyn_name" }
              ]
            }
            """));
}
