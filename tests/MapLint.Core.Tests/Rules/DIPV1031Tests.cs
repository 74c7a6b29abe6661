using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1031; the rule's page is docs/rules/DIPV1031.md and its broken example examples/broken/DIPV1031/.</summary>
public class DIPV1031Tests
{
    [Fact]
    public void Fires_RequiredFieldFedFromOptional()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Address books",
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": "msdyn_addressbook" },
              "mappings": [
                { "source": "ALIAS", "direction": ">", "destination": {|DIPV1031:"msdyn_name"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1031").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Required field 'msdyn_name' is fed from optional field 'ALIAS' with no default value", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_RequiredFieldFedFromOptional_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Address books",
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": "msdyn_addressbook" },
              "mappings": [
                { "source": "ALIAS", "direction": ">>", "destination": "msdyn_name", "transform": { "defaultValue": "unnamed" } }
              ]
            }
            """));
}
