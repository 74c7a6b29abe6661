using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1017; the rule's page is docs/rules/DIPV1017.md and its broken example examples/broken/DIPV1017/.</summary>
public class DIPV1017Tests
{
    [Fact]
    public void Fires_LookupToCompanyTableWithoutOrganizationMapping()
    {
        var diagnostics = RuleVerifier.VerifyWithMetadataOnly(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Address books",
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": "msdyn_addressbook" },
              "mappings": [
                { "source": "NAME", "direction": ">", "destination": "msdyn_name" },
                { "source": "CUSTOMERGROUPID", "direction": ">", "destination": {|DIPV1017:"msdyn_customergroupid.msdyn_groupid"|} }
              ]
            }
            """),
            ("case/connection-set.json", """
            {
              "kind": "connectionSet",
              "name": "Contoso",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" },
                { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
              ]
            }
            """));

        Assert.All(diagnostics, d => Assert.Equal("DIPV1017", d.Id));
        Assert.Contains("Lookup 'msdyn_customergroupid.msdyn_groupid' points to company-specific table 'msdyn_customergroup' but connection set 'Contoso' maps no legal entity", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_LookupToCompanyTableWithoutOrganizationMapping_Fixed() =>
        RuleVerifier.VerifyWithMetadataOnly(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Address books",
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": "msdyn_addressbook" },
              "mappings": [
                { "source": "NAME", "direction": ">", "destination": "msdyn_name" },
                { "source": "CUSTOMERGROUPID", "direction": ">", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """),
            ("case/connection-set.json", """
            {
              "kind": "connectionSet",
              "name": "Contoso",
              "environments": [
                { "name": "fo", "app": "financeAndOperations", "url": "https://contoso.operations.dynamics.com" },
                { "name": "dv", "app": "dataverse", "url": "https://contoso.crm.dynamics.com" }
              ],
              "organizationMappings": [
                { "legalEntity": "USMF", "businessUnit": "USMF" }
              ]
            }
            """));
}
