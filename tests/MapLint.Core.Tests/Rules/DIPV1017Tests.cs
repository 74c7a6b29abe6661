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
            ("case/customer-groups.json", """
            {
              "kind": "tableMap",
              "name": {|DIPV1016:"Customer groups"|},
              "source": { "app": "financeAndOperations", "entity": "CustomerGroups" },
              "destination": { "app": "dataverse", "entity": "msdyn_customergroup" },
              "mappings": [
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_groupid" },
                { "source": "DESCRIPTION", "direction": "=", "destination": "msdyn_description" }
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

        var fired = diagnostics.Where(d => d.Id == "DIPV1017").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Lookup 'msdyn_customergroupid.msdyn_groupid' points to company-specific table 'msdyn_customergroup' but connection set 'Contoso' maps no legal entity", fired[0].Message, StringComparison.Ordinal);
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
            ("case/customer-groups.json", """
            {
              "kind": "tableMap",
              "name": "Customer groups",
              "source": { "app": "financeAndOperations", "entity": "CustomerGroups" },
              "destination": { "app": "dataverse", "entity": "msdyn_customergroup" },
              "mappings": [
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_groupid" },
                { "source": "DESCRIPTION", "direction": "=", "destination": "msdyn_description" }
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
