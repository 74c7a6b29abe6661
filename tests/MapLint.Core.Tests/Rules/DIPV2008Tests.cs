using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2008; the rule's page is docs/rules/DIPV2008.md and its broken example examples/broken/DIPV2008/.</summary>
public class DIPV2008Tests
{
    [Fact]
    public void Fires_TwoMapsWithOneName()
    {
        var diagnostics = RuleVerifier.Verify(
            ("case/a.json", """
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
            ("case/b.json", """
            {
              "kind": "tableMap",
              "name": {|DIPV2008:"Customers"|},
              "source": { "app": "financeAndOperations", "entity": "AddressBooks" },
              "destination": { "app": "dataverse", "entity": "msdyn_addressbook" },
              "mappings": [
                { "source": "NAME", "direction": ">", "destination": "msdyn_name" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2008").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Another tableMap is also named 'Customers' (case/a.json)", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_TwoMapsWithOneName_Fixed() =>
        RuleVerifier.Verify(
            ("case/a.json", """
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
            ("case/b.json", """
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
