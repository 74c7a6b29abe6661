using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2203; the rule's page is docs/rules/DIPV2203.md and its broken example examples/broken/DIPV2203/.</summary>
public class DIPV2203Tests
{
    [Fact]
    public void Fires_TwoMapsWriteOneTable()
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
              "name": "Customers copy",
              "source": { "app": "financeAndOperations", "entity": "CustomersV3" },
              "destination": { "app": "dataverse", "entity": {|DIPV2203:"account"|} },
              "mappings": [
                { "source": "CUSTOMERACCOUNT", "direction": ">", "destination": "accountnumber" },
                { "source": "ORGANIZATIONNAME", "direction": ">", "destination": "name" },
                { "source": "CUSTOMERGROUPID", "direction": ">", "destination": "msdyn_customergroupid.msdyn_groupid" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2203").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Table 'account' is also written by map 'Customers' (case/a.json)", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_TwoMapsWriteOneTable_Fixed() =>
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
