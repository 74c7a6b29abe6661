using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV1023; the rule's page is docs/rules/DIPV1023.md and its broken example examples/broken/DIPV1023/.</summary>
public class DIPV1023Tests
{
    [Fact]
    public void Fires_SourceFieldWrittenTwice()
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
                { "source": {|DIPV1023:"NAMEALIAS"|}, "direction": "<", "destination": "accountnumber" }
              ]
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV1023").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Source field 'NAMEALIAS' is written by mappings 4 and 5", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_SourceFieldWrittenTwice_Fixed() =>
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
                { "source": "NAMEALIAS", "direction": "=", "destination": "nickname" }
              ]
            }
            """));
}
