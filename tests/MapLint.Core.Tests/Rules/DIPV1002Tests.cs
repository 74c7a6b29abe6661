using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1002; the rule's page is docs/rules/DIPV1002.md and its broken example examples/broken/DIPV1002/.</summary>
public class DIPV1002Tests
{
    [Fact]
    public void Fires_CompanySpecificMappedToGlobal()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customer names",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": {|DIPV1002:"msdyn_addressbook"|} },
              "mappings": [
                { "source": "CUSTOMERGROUPID", "direction": ">", "destination": "msdyn_name" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1002").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("'CustomersV3' is company-specific but 'msdyn_addressbook' is global", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_CompanySpecificMappedToGlobal_Fixed() =>
        RuleVerifier.Verify(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Address books",
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": "msdyn_addressbook" },
              "mappings": [
                { "source": "NAME", "direction": ">", "destination": "msdyn_name" }
              ]
            }
            """));
}
