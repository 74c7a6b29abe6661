using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2106; the rule's page is docs/rules/DIPV2106.md and its broken example examples/broken/DIPV2106/.</summary>
public class DIPV2106Tests
{
    [Fact]
    public void Fires_VirtualFieldMapped()
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
                { "source": {|DIPV2106:"ADDRESSDESCRIPTION"|}, "direction": ">", "destination": "nickname" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2106").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("'ADDRESSDESCRIPTION' is a virtual field of 'CustomersV3'", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_VirtualFieldMapped_Fixed() =>
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
                { "source": "NAMEALIAS", "direction": ">", "destination": "nickname" }
              ]
            }
            """));
}
