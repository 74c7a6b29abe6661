using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1016; the rule's page is docs/rules/DIPV1016.md and its broken example examples/broken/DIPV1016/.</summary>
public class DIPV1016Tests
{
    [Fact]
    public void Fires_CompanyMapWithoutOrganizationMapping()
    {
        var diagnostics = RuleVerifier.VerifyWithMetadataOnly(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": {|DIPV1016:"Customers"|},
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
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

        var fired = diagnostics.Where(d => d.Id == "DIPV1016").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("syncs company-specific data but connection set 'Contoso' maps no legal entity to a business unit", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_CompanyMapWithoutOrganizationMapping_Fixed() =>
        RuleVerifier.VerifyWithMetadataOnly(
            ("case/map.json", """
            {
              "kind": "tableMap",
              "name": "Customers",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": "account" },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": "=", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": "=", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
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
