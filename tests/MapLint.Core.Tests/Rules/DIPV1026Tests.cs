using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1026; the rule's page is docs/rules/DIPV1026.md and its broken example examples/broken/DIPV1026/.</summary>
public class DIPV1026Tests
{
    [Fact]
    public void Fires_DestinationFieldWrittenTwice()
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
                { "source": "NAMEALIAS", "direction": "=", "destination": "nickname" },
                { "source": "CUSTOMERACCOUNT", "direction": ">", "destination": {|DIPV1026:"nickname"|} }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1026").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Destination field 'nickname' is written by mappings 4 and 5", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_DestinationFieldWrittenTwice_Fixed() =>
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
                { "source": "NAMEALIAS", "direction": "=", "destination": "nickname" },
                { "source": "EMPLOYEES", "direction": "=", "destination": "numberofemployees" }
              ]
            }
            """));
}
