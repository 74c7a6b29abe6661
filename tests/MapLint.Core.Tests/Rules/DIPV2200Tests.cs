using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2200; the rule's page is docs/rules/DIPV2200.md and its broken example examples/broken/DIPV2200/.</summary>
public class DIPV2200Tests
{
    [Fact]
    public void Fires_SelfReferencingLookup()
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
                { "source": "INVOICEACCOUNT", "direction": "=", "destination": {|DIPV2200:"msdyn_billingaccount.accountnumber"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2200").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Lookup 'msdyn_billingaccount.accountnumber' points to 'account', the table map 'Customers' itself writes", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_SelfReferencingLookup_Fixed() =>
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
                { "source": "CUSTOMERGROUPID", "direction": "=", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));
}
