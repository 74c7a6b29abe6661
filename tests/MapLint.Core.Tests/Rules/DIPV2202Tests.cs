using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2202; the rule's page is docs/rules/DIPV2202.md and its broken example examples/broken/DIPV2202/.</summary>
public class DIPV2202Tests
{
    [Fact]
    public void Fires_LookupToTableWithoutMap()
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
                { "source": "SALESTAXGROUP", "direction": "=", "destination": {|DIPV2202:"msdyn_salestaxgroup.msdyn_taxgroup"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2202").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Lookup 'msdyn_salestaxgroup.msdyn_taxgroup' points to 'msdyn_taxgroup', which no map in the checked paths synchronizes", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_LookupToTableWithoutMap_Fixed() =>
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
                { "source": "SALESTAXGROUP", "direction": "=", "destination": "msdyn_salestaxgroup.msdyn_taxgroup" }
              ]
            }
            """),
            ("case/tax-groups.json", """
            {
              "kind": "tableMap",
              "name": "Sales tax groups",
              "source": { "app": "financeAndOperations", "entity": "SalesTaxGroups" },
              "destination": { "app": "dataverse", "entity": "msdyn_taxgroup" },
              "mappings": [
                { "source": "TAXGROUPID", "direction": "=", "destination": "msdyn_taxgroup" }
              ]
            }
            """));
}
